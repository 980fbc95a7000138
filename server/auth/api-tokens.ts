/**
 * API tokens for integrators. The secret is shown once at creation and stored only as its sha256, so a
 * database leak does not leak live tokens. A token acts as the user who created it, narrowed to its org
 * subtree, and its scope limits what it may do: `read` only safe methods, `write` also mutations except
 * administration (users, roles, org tree, definitions, cycles, tokens, webhooks), `admin` everything the
 * user may do. Tokens are looked up on every request (no cache), so a revoked token fails at once.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../db/types';
import { problems } from '../errors';
import type { Actor, Membership } from './actor';
import { loadActor } from './sessions';

export type TokenScope = 'read' | 'write' | 'admin';

const tokenPrefix = 'sjt_';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
const adminPaths = ['/api/tokens', '/api/users', '/api/role-assignments', '/api/org-units', '/api/definitions', '/api/bundles', '/api/cycles', '/api/webhooks', '/api/rubrics'];
/** last_used_at is rewritten at most this often, so a busy integrator's GETs do not each cost a write. */
const lastUsedResolutionMs = 60_000;

export function hashToken(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function newTokenSecret(): string {
  return tokenPrefix + randomBytes(32).toString('base64url');
}

/** Memberships narrowed to the token's subtree: roles held above it apply at its root, roles elsewhere are dropped. */
export function narrowMemberships(memberships: readonly Membership[], root: { id: string; name: string; path: string; level: string } | null): Membership[] {
  if (root === null) return [...memberships];
  const narrowed: Membership[] = [];
  for (const m of memberships) {
    if (m.orgPath.startsWith(root.path)) narrowed.push(m);
    else if (root.path.startsWith(m.orgPath)) narrowed.push({ ...m, orgUnitId: root.id, orgUnitName: root.name, orgPath: root.path, level: root.level });
  }
  return narrowed;
}

export function scopeAllows(scope: TokenScope, method: string, path: string): boolean {
  if (scope === 'admin' || safeMethods.has(method)) return true;
  if (scope === 'read') return false;
  return !adminPaths.some((prefix) => path === prefix || path.startsWith(prefix + '/'));
}

/** The actor of a bearer token, or null when the token is unknown, revoked or its user inactive. */
export async function resolveToken(db: Kysely<Database>, secret: string, now: Date): Promise<{ actor: Actor; scope: TokenScope } | null> {
  if (!secret.startsWith(tokenPrefix)) return null;
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['api_tokens.id', 'api_tokens.scope', 'api_tokens.org_path', 'api_tokens.revoked_at', 'api_tokens.last_used_at', 'users.id as user_id', 'users.username', 'users.display_name', 'users.active'])
    .where('api_tokens.token_hash', '=', hashToken(secret))
    .executeTakeFirst();
  if (row === undefined || row.revoked_at !== null || row.active !== 1) return null;
  const actor = await loadActor(db, row.user_id, row.username, row.display_name);
  let root = null;
  if (row.org_path !== null) {
    root = (await db.selectFrom('org_units').select(['id', 'name', 'path', 'level']).where('path', '=', row.org_path).executeTakeFirst()) ?? null;
    if (root === null) return null;
  }
  if (row.last_used_at === null || now.getTime() - Date.parse(row.last_used_at) >= lastUsedResolutionMs) {
    await db.updateTable('api_tokens').set({ last_used_at: now.toISOString() }).where('id', '=', row.id).execute();
  }
  return { actor: { ...actor, memberships: narrowMemberships(actor.memberships, root) }, scope: row.scope };
}

/**
 * The session middleware's hook: a request with `Authorization: Bearer …` authenticates with a token
 * (and never with the cookie). Returns the actor, or throws 401 / 403. Returns undefined without a bearer header.
 */
export async function bearerActor(c: Context, db: Kysely<Database>, now: Date): Promise<Actor | undefined> {
  const header = c.req.header('authorization');
  if (header === undefined || !/^bearer /i.test(header)) return undefined;
  const resolved = await resolveToken(db, header.slice(7).trim(), now);
  if (resolved === null) throw problems.unauthenticated();
  if (!scopeAllows(resolved.scope, c.req.method, c.req.path)) throw problems.forbidden(`This token's scope (${resolved.scope}) does not allow ${c.req.method} ${c.req.path}.`);
  return resolved.actor;
}
