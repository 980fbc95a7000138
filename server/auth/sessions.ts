import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/types';
import { sha256 } from '../util/canonical-json';
import type { Actor, Membership } from './actor';
import { isRole } from './roles';

export interface NewSession {
  token: string;
  csrfToken: string;
}

export async function createSession(db: Kysely<Database>, userId: string, now: Date, ttlMs: number): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db
    .insertInto('sessions')
    .values({ id: sha256(token), user_id: userId, csrf_token: csrfToken, created_at: now.toISOString(), expires_at: new Date(now.getTime() + ttlMs).toISOString() })
    .execute();
  return { token, csrfToken };
}

export async function deleteSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sha256(token)).execute();
}

/** The actor behind a session cookie and its CSRF token, or null when unknown or expired. */
export async function loadSession(db: Kysely<Database>, token: string, now: Date): Promise<{ actor: Actor; csrfToken: string } | null> {
  const session = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.csrf_token', 'sessions.expires_at', 'users.id', 'users.username', 'users.display_name', 'users.active'])
    .where('sessions.id', '=', sha256(token))
    .executeTakeFirst();
  if (session === undefined || session.expires_at <= now.toISOString() || session.active !== 1) return null;
  return { actor: await loadActor(db, session.id, session.username, session.display_name), csrfToken: session.csrf_token };
}

export async function loadActor(db: Kysely<Database>, userId: string, username: string, displayName: string): Promise<Actor> {
  const rows = await db
    .selectFrom('role_memberships')
    .innerJoin('org_units', 'org_units.id', 'role_memberships.org_unit_id')
    .select(['role_memberships.role', 'role_memberships.org_unit_id', 'role_memberships.team_id', 'org_units.name', 'org_units.path', 'org_units.level'])
    .where('role_memberships.user_id', '=', userId)
    .where('org_units.active', '=', 1)
    .orderBy('role_memberships.created_at')
    .execute();
  const memberships: Membership[] = [];
  for (const row of rows) {
    if (!isRole(row.role)) continue;
    memberships.push({ role: row.role, orgUnitId: row.org_unit_id, orgUnitName: row.name, orgPath: row.path, level: row.level, teamId: row.team_id });
  }
  return { userId, username, displayName, memberships, system: false };
}
