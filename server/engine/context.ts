import type { Kysely } from 'kysely';
import type { HolidayCalendar } from '../../runtime/calendar';
import calendar2026 from '../../runtime/workflow/calendars/cn-mainland-2026.json';
import type { Database } from '../db/types';
import type { DefinitionCache } from './definition-cache';
import { loadOrgFacts, mentionedIds } from './org-facts';
import type { WorkflowContext } from './port';

/** Working days for SLAs: mainland China's published 2026 holidays and make-up workdays. */
export const defaultCalendar: HolidayCalendar = calendar2026 as HolidayCalendar;

/** Everything the pure engine reads, loaded up front from the database inside the command's transaction. */
export async function buildContext(
  db: Kysely<Database>,
  cache: DefinitionCache,
  now: Date,
  unitId: string,
  ...mentioned: unknown[]
): Promise<{ context: WorkflowContext; orgPath: string; teamIds: ReadonlySet<string> }> {
  const ids = mentionedIds(...mentioned);
  const key = `${unitId}|${ids.join(',')}`;
  let org = cache.orgFacts(key, now.getTime());
  if (org === undefined) {
    const { facts, path } = await loadOrgFacts(db, unitId, ids);
    const teams = ids.length === 0 ? [] : await db.selectFrom('teams').select('id').where('id', 'in', ids).execute();
    org = { facts, path, teamIds: new Set(teams.map((team) => team.id)) };
    cache.rememberOrgFacts(key, org, now.getTime());
  }
  const forms = await cache.formLookup(db);
  return { context: { now: now.toISOString(), org: org.facts, forms, calendar: defaultCalendar }, orgPath: org.path, teamIds: org.teamIds };
}

/**
 * An order for a service item (`input.serviceItem`, the item's key) runs its timers on the item's SLA:
 * the five-order timer keys are the SLA keys, so the item's `sla` is the engine's `durations` as is.
 * Looked up at the start and at every command, so each timer that starts uses the item's SLA.
 */
export async function serviceItemDurations(db: Kysely<Database>, cache: DefinitionCache, now: Date, input: unknown): Promise<Pick<WorkflowContext, 'durations'>> {
  const key = input !== null && typeof input === 'object' ? (input as Record<string, unknown>).serviceItem : undefined;
  if (typeof key !== 'string' || key.length === 0) return {};
  const durations = await cache.serviceItemSla(db, key, now.getTime());
  return durations === undefined ? {} : { durations };
}
