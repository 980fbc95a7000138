/**
 * The one way the studio talks to the server: same-origin fetch with the session cookie, the CSRF
 * header on every mutation, and RFC 9457 problem+json errors turned into {@link ApiError} values whose
 * `errors[].pointer` lets a form put each message next to the field it concerns.
 */
import type { LocalizedText } from '../../runtime/schema/common';

export interface ProblemFieldError {
  pointer: string;
  code: string;
  message: string | LocalizedText;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: ProblemFieldError[];
}

/** A failed request. `status` 0 means the network failed before any answer (offline, DNS, reset). */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: ProblemFieldError[];

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.type = problem.type;
    this.title = problem.title;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }

  /** Field errors keyed by JSON pointer, for forms. */
  byPointer(): Map<string, ProblemFieldError[]> {
    const map = new Map<string, ProblemFieldError[]>();
    for (const e of this.errors) map.set(e.pointer, [...(map.get(e.pointer) ?? []), e]);
    return map;
  }
}

/** Reads one cookie; the csrf cookie is deliberately not HttpOnly so it can be echoed in a header. */
export function readCookie(name: string, cookieString = typeof document === 'undefined' ? '' : document.cookie): string | undefined {
  for (const part of cookieString.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && typeof (value as Problem).status === 'number' && typeof (value as Problem).title === 'string';
}

async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (isProblem(body)) return new ApiError({ ...body, type: body.type ?? 'about:blank' });
  return new ApiError({ type: 'about:blank', title: response.statusText || `HTTP ${response.status}`, status: response.status, detail: text || undefined });
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export interface ClientOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
  cookies?: () => string;
}

export interface Client {
  request<T>(method: Method, path: string, options?: RequestOptions): Promise<T>;
  get<T>(path: string, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  put<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  patch<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  delete<T>(path: string, options?: RequestOptions): Promise<T>;
}

export function createClient(options: ClientOptions = {}): Client {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const cookies = options.cookies ?? (() => (typeof document === 'undefined' ? '' : document.cookie));

  async function request<T>(method: Method, path: string, opts: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...opts.headers };
    if (method !== 'GET') {
      const csrf = readCookie('csrf', cookies());
      if (csrf) headers['X-CSRF-Token'] = csrf;
    }
    let body: BodyInit | undefined;
    if (opts.body !== undefined) {
      if (typeof FormData !== 'undefined' && opts.body instanceof FormData) body = opts.body;
      else {
        headers['Content-Type'] = 'application/json';
        body = JSON.stringify(opts.body);
      }
    }
    const query = opts.query
      ? Object.entries(opts.query)
          .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
          .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
          .join('&')
      : '';
    const url = `${baseUrl}${path}${query ? (path.includes('?') ? '&' : '?') + query : ''}`;
    let response: Response;
    try {
      response = await doFetch(url, { method, headers, body, credentials: 'include', signal: opts.signal ?? null });
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      throw new ApiError({ type: 'network', title: 'Network error', status: 0, detail: (error as Error).message });
    }
    if (!response.ok) throw await toApiError(response);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  return {
    request,
    get: (path, opts) => request('GET', path, opts),
    post: (path, body, opts) => request('POST', path, { ...opts, body }),
    put: (path, body, opts) => request('PUT', path, { ...opts, body }),
    patch: (path, body, opts) => request('PATCH', path, { ...opts, body }),
    delete: (path, opts) => request('DELETE', path, opts),
  };
}

export const api = createClient();
