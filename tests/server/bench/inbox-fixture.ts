import SqliteDatabase from 'better-sqlite3';
import type { DatabaseHandle } from '../../../server/db/dialects/dialect';
import { newId } from '../../../server/util/ids';

/**
 * A year-and-more of orders for the inbox benchmark, inserted with one prepared statement per table in a
 * single transaction (a fast bulk path beside the server's own connection). 95 % are finished (their task
 * rows closed); the open 5 % are assigned to station admins or pooled at stations, like live orders.
 */
export async function seedInbox(database: DatabaseHandle, file: string, count: number): Promise<number> {
  const stations = await database.db.selectFrom('org_units').select(['id', 'path']).where('level', '=', 'station').orderBy('path').execute();
  const admins = await database.db
    .selectFrom('role_memberships')
    .select(['user_id', 'org_unit_id'])
    .where('role', '=', 'stationAdmin')
    .execute();
  const adminOf = new Map(admins.map((row) => [row.org_unit_id, row.user_id]));
  const creator = admins[0]!.user_id;
  const raw = new SqliteDatabase(file);
  raw.pragma('synchronous = OFF');
  const instance = raw.prepare(
    `insert into workflow_instances (id, definition_key, definition_version, org_unit_id, org_path, state, status, snapshot, data, created_by, created_at, updated_at, version)
     values (?, 'five-order', 1, ?, ?, ?, ?, '{}', '{}', ?, ?, ?, 1)`,
  );
  const task = raw.prepare(
    `insert into tasks (id, instance_id, org_path, name, assignee_user_id, pool_role, pool_org_unit_id, pool_team_id, status, claimed_by, due_at, created_at, closed_at, version)
     values (?, ?, ?, ?, ?, ?, ?, null, ?, null, ?, ?, ?, 1)`,
  );
  const start = Date.now() - 400 * 86_400_000;
  raw.transaction(() => {
    for (let i = 0; i < count; i++) {
      const station = stations[i % stations.length]!;
      const at = new Date(start + Math.floor((i / count) * 400 * 86_400_000)).toISOString();
      const id = newId(Date.parse(at));
      const open = i % 20 === 0;
      instance.run(id, station.id, station.path, open ? 'submitted' : 'closed', open ? 'active' : 'final', creator, at, at);
      const assigned = i % 40 === 0 || !open;
      const due = new Date(Date.parse(at) + 2 * 86_400_000).toISOString();
      task.run(newId(Date.parse(at)), id, station.path, open ? 'submitted' : 'awaiting_rating', assigned ? (adminOf.get(station.id) ?? `user-${i % 5000}`) : null, assigned ? null : 'stationAdmin', assigned ? null : station.id, open ? 'open' : 'done', due, at, open ? null : due);
    }
  })();
  raw.pragma('optimize');
  raw.close();
  return count;
}
