/**
 * Every error the API returns is application/problem+json (RFC 9457) with a stable `type`. Handlers throw
 * `ProblemError`s made by the factories below; one `onError` turns anything thrown into a problem, and
 * nothing else (no stack, no driver message) ever reaches a client.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';

export interface FieldError {
  pointer: string;
  code: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  /** For guard refusals: which rule refused. */
  rule?: string;
  [extension: string]: unknown;
}

export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
}

const problemBase = '/problems/';

function make(id: string, title: string, status: number, detail?: string, extra: Partial<Problem> = {}): ProblemError {
  return new ProblemError({ type: problemBase + id, title, status, ...(detail === undefined ? {} : { detail }), ...extra });
}

export const problems = {
  validation: (errors: FieldError[], detail = 'The request is not valid.') => make('validation', 'Invalid request', 400, detail, { errors }),
  malformedJson: () => make('malformed-json', 'Malformed JSON', 400, 'The request body is not valid JSON.'),
  unauthenticated: () => make('unauthenticated', 'Not signed in', 401, 'Sign in first.'),
  badCredentials: () => make('bad-credentials', 'Wrong username or password', 401, 'Wrong username or password.'),
  forbidden: (detail: string) => make('forbidden', 'Forbidden', 403, detail),
  csrf: () => make('csrf', 'CSRF token missing or wrong', 403, 'Send the csrf cookie value in the X-CSRF-Token header.'),
  notFound: (what = 'resource') => make('not-found', 'Not found', 404, `No such ${what}.`),
  conflict: (detail: string, extra: Partial<Problem> = {}) => make('conflict', 'Conflict', 409, detail, extra),
  preconditionFailed: (detail: string, currentVersion?: number) =>
    make('precondition-failed', 'Version mismatch', 412, detail, currentVersion === undefined ? {} : { currentVersion }),
  preconditionRequired: () => make('precondition-required', 'If-Match required', 428, 'Send the current version in If-Match.'),
  payloadTooLarge: (limit: number) => make('payload-too-large', 'Payload too large', 413, `The body exceeds ${limit} bytes.`),
  unsupportedMediaType: (detail = 'Send application/json.') => make('unsupported-media-type', 'Unsupported media type', 415, detail),
  unprocessable: (id: string, title: string, detail: string, extra: Partial<Problem> = {}) => make(id, title, 422, detail, extra),
  tooManyRequests: (retryAfterSeconds: number) =>
    make('too-many-requests', 'Too many requests', 429, `Try again in ${retryAfterSeconds} s.`, { retryAfter: retryAfterSeconds }),
  internal: () => make('internal', 'Internal error', 500, 'Something went wrong; the request changed nothing.'),
};

export function problemResponse(c: Context, problem: Problem): Response {
  const headers: Record<string, string> = { 'content-type': 'application/problem+json' };
  if (problem.status === 429 && typeof problem.retryAfter === 'number') headers['retry-after'] = String(problem.retryAfter);
  return c.body(JSON.stringify(problem), problem.status as ContentfulStatusCode, headers);
}

/** RFC 6901 pointer of a zod issue path, prefixed by where the value came from (body is the root). */
export function pointerOf(path: readonly PropertyKey[], prefix = ''): string {
  return prefix + path.map((part) => '/' + String(part).replaceAll('~', '~0').replaceAll('/', '~1')).join('');
}

export function zodErrors(error: ZodError, prefix = ''): FieldError[] {
  return error.issues.map((issue) => ({ pointer: pointerOf(issue.path, prefix), code: issue.code, message: issue.message }));
}

const targetPrefix: Record<string, string> = { json: '', query: '/query', param: '/path', header: '/header', cookie: '/cookie', form: '' };

/** zod-openapi's defaultHook: validation failures become 400 problems with one pointer per issue. */
export function validationHook(result: { success: boolean; target: string; error?: unknown }, c: Context): Response | undefined {
  if (result.success) return undefined;
  const error = result.error as ZodError;
  return problemResponse(c, problems.validation(zodErrors(error, targetPrefix[result.target] ?? '')).problem);
}

export type Logger = (message: string, error: unknown) => void;

export function createErrorHandler(log: Logger) {
  return (error: Error, c: Context): Response => {
    if (error instanceof ProblemError) return problemResponse(c, error.problem);
    if (error instanceof HTTPException) {
      if (error.status === 400 && /json/i.test(error.message)) return problemResponse(c, problems.malformedJson().problem);
      if (error.status === 415) return problemResponse(c, problems.unsupportedMediaType().problem);
      if (error.status === 413) return problemResponse(c, problems.payloadTooLarge(0).problem);
      if (error.status === 401) return problemResponse(c, problems.unauthenticated().problem);
      return problemResponse(c, { type: problemBase + 'http-' + error.status, title: error.message || 'Error', status: error.status });
    }
    log('unhandled error', error);
    return problemResponse(c, problems.internal().problem);
  };
}

export function notFoundHandler(c: Context): Response {
  return problemResponse(c, { ...problems.notFound('route').problem, detail: `No route for ${c.req.method} ${c.req.path}.` });
}
