import type { OrgLevel } from '../schema/station-type';

/**
 * Plain data about one unit, gathered by the server for an assessment period. Metrics read nothing else,
 * so a snapshot (and the values frozen from it) fully explains every automatic score.
 *
 * Dates are ISO 8601 strings (`2025-03-14` or `2025-03-14T09:30:00+08:00`); only the calendar date counts.
 */
export interface UnitSnapshot {
  unit: {
    id: string;
    parentId?: string;
    level: OrgLevel;
    population?: number;
    partyMembers?: number;
  };
  rooms?: { type: string; capacity?: number; lecture?: boolean }[];
  /** Keys of the service point's ticked "eight haves" elements (desk, sign, rules, …). */
  servicePoint?: { elements: string[] };
  volunteers?: { registered: number; partyMembers?: number };
  teams?: { type: string; emergency?: boolean }[];
  trainings?: { date: string }[];
  activities?: { date: string; category?: string }[];
  yearPlan?: { filedAt: string };
  /** One per arranged month, `YYYY-MM`. */
  monthArrangements?: { month: string }[];
  meetings?: { type: string; date: string }[];
  orders?: SnapshotOrder[];
  serviceRecords?: { activityDate: string; finalisedAt?: string }[];
  needsSurveys?: { date: string }[];
  store?: { exists: boolean };
  redemptions?: { date: string }[];
  /** Child units (an institute's stations) with their tier of the previous or current cycle. */
  children?: { unitId: string; tier?: string }[];
}

export interface SnapshotOrder {
  status: 'submitted' | 'pending_dispatch' | 'dispatched' | 'accepted' | 'in_service' | 'awaiting_rating' | 'closed' | 'rejected' | 'cancelled';
  submittedAt: string;
  closedAt?: string;
  /** Stars 1–5; absent when the order closed unrated (never counted as 5). */
  rating?: number;
  escalatedAt?: string;
  dispatchedAt?: string;
}

/** The assessment period, both ends inclusive, as `YYYY-MM-DD`. */
export interface Period {
  from: string;
  to: string;
}
