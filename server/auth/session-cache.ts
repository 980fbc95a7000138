import type { Actor } from './actor';

/**
 * Resolved sessions kept for a few seconds, so a burst of requests does not look the session and the
 * role memberships up every time. The cost: a role revoked or a session ended on another server takes
 * effect here within `ttlMs`. On this server sign-out, a role granted or revoked, a password reset and a
 * deactivation are immediate (tests/server/http/session-cache.test.ts).
 */
export class SessionCache {
  private readonly entries = new Map<string, { actor: Actor; csrfToken: string; until: number }>();

  constructor(private readonly ttlMs = 5_000, private readonly limit = 10_000) {}

  get(token: string, nowMs: number): { actor: Actor; csrfToken: string } | undefined {
    const entry = this.entries.get(token);
    if (entry === undefined) return undefined;
    if (entry.until <= nowMs) {
      this.entries.delete(token);
      return undefined;
    }
    return entry;
  }

  set(token: string, value: { actor: Actor; csrfToken: string }, nowMs: number): void {
    if (this.entries.size >= this.limit) this.entries.clear();
    this.entries.set(token, { ...value, until: nowMs + this.ttlMs });
  }

  delete(token: string): void {
    this.entries.delete(token);
  }

  /** Forgets every session of a user (deactivated, or their password reset). */
  dropUser(userId: string): void {
    for (const [token, entry] of this.entries) if (entry.actor.userId === userId) this.entries.delete(token);
  }
}
