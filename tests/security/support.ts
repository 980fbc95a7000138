import { expect } from 'vitest';
import type { ApiClient, ApiResponse } from '../server/support/client';

export const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 1, 2, 3]);

/** Source locations or module paths in a body: what a leaked stack trace looks like. */
const stackLike = /(\\n|\n)\s*at \S|\S\.(ts|js|mjs|cjs):\d+|node_modules|\/work\/|\bError: /;

/** A refusal must be problem+json, carry its status, and reveal nothing of the server's insides. */
export function expectProblem(response: ApiResponse, status: number | readonly number[]): void {
  const allowed = typeof status === 'number' ? [status] : status;
  expect(allowed, `${response.status} ${response.text.slice(0, 300)}`).toContain(response.status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(response.body).toMatchObject({ type: expect.any(String), status: response.status });
  expect(response.text).not.toMatch(stackLike);
}

/** Never a 5xx, and any 4xx is a clean problem. */
export function expectNoServerError(response: ApiResponse): void {
  expect(response.status, response.text.slice(0, 300)).toBeLessThan(500);
  if (response.status >= 400) expectProblem(response, response.status);
}

export async function myUnit(client: ApiClient): Promise<string> {
  return (await client.get<{ user: { roles: { orgUnitId: string }[] } }>('/api/auth/me')).body.user.roles[0]!.orgUnitId;
}

export async function myId(client: ApiClient): Promise<string> {
  return (await client.get<{ user: { id: string } }>('/api/auth/me')).body.user.id;
}

/** The cookie value a client holds (for raw requests and fixation checks). */
export function cookieOf(client: ApiClient, name: string): string | undefined {
  return (client as unknown as { cookies: Map<string, string> }).cookies.get(name);
}
