import { createClient, type Client } from '../../studio/api/client';

/**
 * The studio's API client as a browser would drive it against a real server: a cookie jar stands in for
 * the browser's, so the session cookie and the readable CSRF cookie behave as they do in the studio.
 */
export function browserLikeClient(baseUrl: string): Client {
  const jar = new Map<string, string>();
  const cookies = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  return createClient({
    baseUrl,
    cookies,
    fetch: async (input, init) => {
      const headers = new Headers(init?.headers);
      if (jar.size > 0) headers.set('cookie', cookies());
      const response = await fetch(input, { ...init, headers });
      for (const cookie of response.headers.getSetCookie()) {
        const [pair = ''] = cookie.split(';');
        const eq = pair.indexOf('=');
        const name = pair.slice(0, eq);
        const value = pair.slice(eq + 1);
        if (!value || /max-age=0/i.test(cookie)) jar.delete(name);
        else jar.set(name, value);
      }
      return response;
    },
  });
}
