/** A minimal cookie-keeping HTTP client: what a browser does for the studio, nothing more. */
export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  /** A raw body (sent as is) instead of JSON. */
  raw?: string | Uint8Array<ArrayBuffer>;
  /** Leave the CSRF header out, to check the server refuses. */
  noCsrf?: boolean;
}

export class ApiClient {
  private readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  get csrf(): string | undefined {
    return this.cookies.get('csrf');
  }

  async request<T = Record<string, unknown>>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const csrf = this.cookies.get('csrf');
    if (csrf !== undefined && !options.noCsrf && method !== 'GET') headers['x-csrf-token'] ??= csrf;
    let payload: string | Uint8Array<ArrayBuffer> | undefined;
    if (options.raw !== undefined) payload = options.raw;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(this.baseUrl + path, { method, headers, body: typeof payload === 'string' || payload === undefined ? payload : new Blob([payload]) });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index);
      const value = pair!.slice(index + 1);
      if (value === '' || /max-age=0/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text.length > 0 ? JSON.parse(text) : null;
    } catch {
      // Non-JSON bodies (HTML pages) stay text.
    }
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  get<T = Record<string, unknown>>(path: string, options?: RequestOptions) {
    return this.request<T>('GET', path, undefined, options);
  }
  post<T = Record<string, unknown>>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('POST', path, body, options);
  }
  put<T = Record<string, unknown>>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('PUT', path, body, options);
  }
  patch<T = Record<string, unknown>>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('PATCH', path, body, options);
  }
}

export const demoPassword = 'shijian-demo';

/** A client signed in as a demo user (fails the test if login does not succeed). */
export async function signIn(baseUrl: string, username: string): Promise<ApiClient> {
  const client = new ApiClient(baseUrl);
  const response = await client.post('/api/auth/login', { username, password: demoPassword });
  if (response.status !== 200) throw new Error(`login ${username} → ${response.status} ${response.text}`);
  return client;
}
