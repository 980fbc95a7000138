/**
 * The HTTP side of the definition commands (lint, import, export, publish): they are clients of the API,
 * not of the database, so CI needs only a URL and a token — the server keeps every permission check.
 */

/** Network failures exit 2 so CI can tell "server unreachable" from "the server said no" (exit 1). */
export class NetworkError extends Error {}

export interface ApiReply {
  status: number;
  ok: boolean;
  /** The raw body: `export` must write exactly these bytes. */
  text: string;
  json: unknown;
}

export interface ApiConfig {
  baseUrl: string;
  token: string | undefined;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  return { baseUrl: (env.SHIJIAN_URL ?? 'http://127.0.0.1:8787').replace(/\/+$/, ''), token: env.SHIJIAN_TOKEN };
}

export async function callApi(config: ApiConfig, method: string, path: string, body?: unknown): Promise<ApiReply> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  // A bearer token needs no CSRF header: the server only demands one for cookie sessions.
  if (config.token !== undefined && config.token !== '') headers.authorization = `Bearer ${config.token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`${config.baseUrl}/api${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
    throw new NetworkError(`cannot reach ${config.baseUrl} (${cause}); set SHIJIAN_URL`);
  }
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text.length > 0 ? JSON.parse(text) : null;
  } catch {
    // A non-JSON body (a proxy's HTML error page) is still shown through `text`.
  }
  return { status: response.status, ok: response.ok, text, json };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Prints an application/problem+json reply: title/detail, then one line per error with its pointer. */
export function printProblem(label: string, reply: ApiReply): void {
  const problem = isRecord(reply.json) ? reply.json : {};
  const title = typeof problem.title === 'string' ? problem.title : `HTTP ${reply.status}`;
  const detail = typeof problem.detail === 'string' ? problem.detail : isRecord(reply.json) ? '' : reply.text.slice(0, 200);
  console.error(`${label}: ${reply.status} ${title}${detail === '' ? '' : ` — ${detail}`}`);
  const errors = Array.isArray(problem.errors) ? problem.errors : [];
  for (const error of errors) {
    if (!isRecord(error)) continue;
    console.error(`  ${String(error.pointer ?? '')} ${String(error.code ?? '')} ${String(error.message ?? '')}`.trimEnd());
  }
}

/** Runs a command body, turning a network failure into exit 2 with a readable message. */
export async function withNetwork(run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof NetworkError) {
      console.error(`[shijian] ${error.message}`);
      return 2;
    }
    throw error;
  }
}

export { isRecord };
