/**
 * Star-level thresholds per district: a small settings row rather than a definition kind, because it is
 * five numbers a district admin sets once, not a versioned, published artifact the designer edits.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor';
import { appendAudit } from '../db/repositories/audit-repository';
import type { Database } from '../db/types';
import { problems } from '../errors';
import { hashOf } from '../util/canonical-json';
import { thresholdsFor } from './star-levels';

async function requireDistrict(db: Kysely<Database>, districtId: string): Promise<void> {
  const unit = await db.selectFrom('org_units').select(['id', 'parent_id']).where('id', '=', districtId).executeTakeFirst();
  if (unit === undefined || unit.parent_id !== null) throw problems.notFound('district');
}

export async function readStarLevels(db: Kysely<Database>, districtId: string) {
  await requireDistrict(db, districtId);
  return { districtId, ...(await thresholdsFor(db, districtId)) };
}

/** District admins of the district (the root unit itself) set its thresholds; If-Match is the version (0 before the first save). */
export async function writeStarLevels(db: Kysely<Database>, actor: Actor, districtId: string, expectedVersion: number, thresholds: number[], at: string) {
  return db.transaction().execute(async (trx) => {
    await requireDistrict(trx, districtId);
    const allowed = actor.system || actor.memberships.some((m) => m.role === 'districtAdmin' && m.orgUnitId === districtId);
    if (!allowed) throw problems.forbidden('Only the district’s admins set its star levels.');
    const current = await thresholdsFor(trx, districtId);
    if (current.version !== expectedVersion) throw problems.preconditionFailed(`The settings are at version ${current.version}.`, current.version);
    const row = { district_unit_id: districtId, thresholds: JSON.stringify(thresholds), version: expectedVersion + 1, updated_by: actor.userId, updated_at: at };
    if (expectedVersion === 0) {
      const inserted = await trx.insertInto('star_level_settings').values(row).onConflict((c) => c.column('district_unit_id').doNothing()).executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) !== 1) throw problems.preconditionFailed('The settings changed meanwhile.');
    } else {
      const updated = await trx.updateTable('star_level_settings').set(row).where('district_unit_id', '=', districtId).where('version', '=', expectedVersion).executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw problems.preconditionFailed('The settings changed meanwhile.');
    }
    await appendAudit(trx, { actorId: actor.userId, action: 'star-levels.set', targetType: 'star-levels', targetId: districtId, beforeHash: hashOf(current), afterHash: hashOf(row), at });
    return { districtId, thresholds, configured: true, version: row.version };
  });
}
