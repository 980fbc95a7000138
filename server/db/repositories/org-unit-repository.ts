import type { Kysely } from 'kysely';
import { problems } from '../../errors';
import type { OrgScope } from '../scope';
import type { Database, OrgUnitRow } from '../types';

/** Org units as one actor sees them: every read and write goes through the scope. */
export function orgUnitRepository(db: Kysely<Database>, scope: OrgScope) {
  return {
    list(filter: { level?: string | undefined; includeInactive?: boolean | undefined; under?: string | undefined }): Promise<OrgUnitRow[]> {
      let query = db.selectFrom('org_units').selectAll().where(scope.subtree('org_units.path'));
      if (filter.level !== undefined) query = query.where('level', '=', filter.level);
      if (!filter.includeInactive) query = query.where('active', '=', 1);
      if (filter.under !== undefined) query = query.where('path', '>=', filter.under).where('path', '<', filter.under + '~');
      return query.orderBy('path').execute();
    },

    /** The unit if the actor may see it; 404 otherwise (an unseen unit and a missing one look the same). */
    async get(id: string): Promise<OrgUnitRow> {
      const row = await db.selectFrom('org_units').selectAll().where('id', '=', id).where(scope.subtree('org_units.path')).executeTakeFirst();
      if (row === undefined) throw problems.notFound('org unit');
      return row;
    },

    /** Any unit by id regardless of scope, for checks that must say 403 rather than 404. */
    findAny(id: string): Promise<OrgUnitRow | undefined> {
      return db.selectFrom('org_units').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async insert(row: OrgUnitRow): Promise<void> {
      await db.insertInto('org_units').values(row).execute();
    },

    /** Version-checked update; false when the row moved on (412 for the caller). */
    async update(id: string, expectedVersion: number, changes: Partial<Pick<OrgUnitRow, 'name' | 'name_en' | 'station_type' | 'admin_division_code' | 'active'>>, at: string): Promise<boolean> {
      const result = await db
        .updateTable('org_units')
        .set({ ...changes, updated_at: at, version: expectedVersion + 1 })
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .where(scope.subtree('org_units.path'))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
