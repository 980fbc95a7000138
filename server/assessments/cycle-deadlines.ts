import type { Kysely } from 'kysely';
import type { Database } from '../db/types';

/** The cycle deadline that applies to the open task of each assessment state. */
const deadlineOfState: Record<string, 'selfAssessmentDue' | 'reviewDue' | 'scoringDue'> = {
  self_assessing: 'selfAssessmentDue',
  submitted: 'reviewDue',
  district_review: 'scoringDue',
};

/**
 * Gives the open tasks of an assessment the cycle's deadline for their state (end of that day, China
 * time), unless the workflow already set a due time: the inbox sorts and reminds by it.
 */
export async function applyCycleDeadline(db: Kysely<Database>, instanceId: string, state: string, deadlines: Record<string, string>): Promise<void> {
  const key = deadlineOfState[state];
  const day = key === undefined ? undefined : deadlines[key];
  if (day === undefined) return;
  const due = new Date(`${day.slice(0, 10)}T23:59:59+08:00`).toISOString();
  await db.updateTable('tasks').set({ due_at: due }).where('instance_id', '=', instanceId).where('status', '=', 'open').where('due_at', 'is', null).execute();
}
