/**
 * A volunteer's counter code: eight characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown
 * as `ABCD-EFGH` and encoded for a QR code as `SJV:ABCDEFGH`. Issued on first use; rotating replaces it,
 * so a photographed old code stops working. 31^8 ≈ 8.5 × 10^11 codes: guessing one is impractical, and
 * only store operators can look codes up.
 */
import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/types';

const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const qrPrefix = 'SJV:';

function generate(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += alphabet[randomInt(alphabet.length)];
  return code;
}

/** Accepts what a person types or a scanner reads: any case, dashes and spaces, with or without `SJV:`. */
export function normaliseCode(input: string): string {
  const trimmed = input.trim().toUpperCase();
  const bare = trimmed.startsWith(qrPrefix) ? trimmed.slice(qrPrefix.length) : trimmed;
  return bare.replace(/[\s-]/g, '');
}

export function presentCode(code: string): { code: string; display: string; qr: string } {
  return { code, display: `${code.slice(0, 4)}-${code.slice(4)}`, qr: qrPrefix + code };
}

/** The volunteer's code, issuing one if they have none (a lost race to issue reads the winner's). */
export async function codeOf(db: Kysely<Database>, userId: string, at: string): Promise<string> {
  const existing = await db.selectFrom('volunteer_codes').select('code').where('user_id', '=', userId).executeTakeFirst();
  if (existing !== undefined) return existing.code;
  await db.insertInto('volunteer_codes').values({ user_id: userId, code: generate(), issued_at: at }).onConflict((c) => c.doNothing()).execute();
  return (await db.selectFrom('volunteer_codes').select('code').where('user_id', '=', userId).executeTakeFirstOrThrow()).code;
}

export async function rotateCode(db: Kysely<Database>, userId: string, at: string): Promise<string> {
  const code = generate();
  const updated = await db.updateTable('volunteer_codes').set({ code, issued_at: at }).where('user_id', '=', userId).executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) await db.insertInto('volunteer_codes').values({ user_id: userId, code, issued_at: at }).execute();
  return code;
}

export async function userByCode(db: Kysely<Database>, input: string): Promise<{ id: string; displayName: string } | undefined> {
  const code = normaliseCode(input);
  if (code.length !== 8) return undefined;
  const row = await db
    .selectFrom('volunteer_codes')
    .innerJoin('users', 'users.id', 'volunteer_codes.user_id')
    .select(['users.id', 'users.display_name'])
    .where('volunteer_codes.code', '=', code)
    .where('users.active', '=', 1)
    .executeTakeFirst();
  return row === undefined ? undefined : { id: row.id, displayName: row.display_name };
}
