import { z } from 'zod';
import { OrgLevel } from '../schema/station-type';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'ISO 8601 date or date-time');
const Count = z.number().int().nonnegative();

export const SnapshotOrder = z.object({
  status: z.enum(['submitted', 'pending_dispatch', 'dispatched', 'accepted', 'in_service', 'awaiting_rating', 'closed', 'rejected', 'cancelled']),
  submittedAt: IsoDate,
  closedAt: IsoDate.optional(),
  /** Stars 1–5; absent when the order closed unrated (never counted as 5). */
  rating: z.number().min(1).max(5).optional(),
  escalatedAt: IsoDate.optional(),
  dispatchedAt: IsoDate.optional(),
});
export type SnapshotOrder = z.infer<typeof SnapshotOrder>;

/**
 * Plain data about one unit, gathered by the server for an assessment period. Metrics read nothing else,
 * so a snapshot (and the values frozen from it) fully explains every automatic score. The zod schema
 * lets an API accept snapshots (e.g. a preview over uploaded data) and documents every field.
 *
 * Dates are ISO 8601 strings (`2025-03-14` or `2025-03-14T09:30:00+08:00`); only the calendar date counts.
 */
export const UnitSnapshot = z.object({
  unit: z.object({
    id: z.string().min(1),
    parentId: z.string().optional(),
    level: OrgLevel,
    population: Count.optional(),
    partyMembers: Count.optional(),
  }),
  rooms: z.array(z.object({ type: z.string(), capacity: Count.optional(), lecture: z.boolean().optional() })).optional(),
  /** Keys of the service point's ticked "eight haves" elements (desk, sign, rules, …). */
  servicePoint: z.object({ elements: z.array(z.string()) }).optional(),
  volunteers: z.object({ registered: Count, partyMembers: Count.optional() }).optional(),
  teams: z.array(z.object({ type: z.string(), emergency: z.boolean().optional() })).optional(),
  trainings: z.array(z.object({ date: IsoDate })).optional(),
  activities: z.array(z.object({ date: IsoDate, category: z.string().optional() })).optional(),
  yearPlan: z.object({ filedAt: IsoDate }).optional(),
  /** One per arranged month, `YYYY-MM`. */
  monthArrangements: z.array(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/) })).optional(),
  meetings: z.array(z.object({ type: z.string(), date: IsoDate })).optional(),
  orders: z.array(SnapshotOrder).optional(),
  serviceRecords: z.array(z.object({ activityDate: IsoDate, finalisedAt: IsoDate.optional() })).optional(),
  needsSurveys: z.array(z.object({ date: IsoDate })).optional(),
  store: z.object({ exists: z.boolean() }).optional(),
  redemptions: z.array(z.object({ date: IsoDate })).optional(),
  /** Child units (an institute's stations) with their tier of the previous or current cycle. */
  children: z.array(z.object({ unitId: z.string(), tier: z.string().optional() })).optional(),
});
export type UnitSnapshot = z.infer<typeof UnitSnapshot>;

/** The assessment period, both ends inclusive, as `YYYY-MM-DD`. */
export const Period = z.object({ from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });
export type Period = z.infer<typeof Period>;
