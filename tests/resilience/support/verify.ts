import type { Kysely } from 'kysely';
import type { Database } from '../../../server/db/types';
import type { Acknowledged } from './driver';

export interface DurabilityFigures {
  acknowledged: number;
  /** Acknowledged commands with no trace in the database. */
  lost: Acknowledged[];
  /** Instance events recorded more than once (a command applied twice). */
  duplicated: { id: string; event: string; times: number }[];
}

/** Every 2xx must be in the history exactly once. */
export async function checkAcknowledged(db: Kysely<Database>, acknowledged: readonly Acknowledged[]): Promise<DurabilityFigures> {
  const ids = [...new Set(acknowledged.map((a) => a.id))];
  const events = new Map<string, Map<string, number>>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('history').select(['instance_id', 'event']).where('instance_id', 'in', ids.slice(i, i + 500)).execute();
    for (const row of rows) {
      const counts = events.get(row.instance_id) ?? new Map<string, number>();
      counts.set(row.event, (counts.get(row.event) ?? 0) + 1);
      events.set(row.instance_id, counts);
    }
  }
  const lost = acknowledged.filter((a) => (events.get(a.id)?.get(a.event) ?? 0) === 0);
  const duplicated: DurabilityFigures['duplicated'] = [];
  for (const [id, counts] of events) {
    // Timers may fire several reminders; every person's command in this lifecycle happens once.
    for (const [event, times] of counts) if (event !== 'timer' && times > 1) duplicated.push({ id, event, times });
  }
  return { acknowledged: acknowledged.length, lost, duplicated };
}
