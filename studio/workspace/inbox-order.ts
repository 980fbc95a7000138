import type { Task } from './workspace-api';

export type Urgency = 'overdue' | 'soon' | 'normal' | 'none';

const SOON_MS = 24 * 3_600_000;

export function urgencyOf(task: Pick<Task, 'dueAt'>, now: number): Urgency {
  if (!task.dueAt) return 'none';
  const due = Date.parse(task.dueAt);
  if (due < now) return 'overdue';
  return due - now < SOON_MS ? 'soon' : 'normal';
}

export interface InboxFilter {
  workflow?: string | undefined;
  state?: string | undefined;
  overdueOnly?: boolean | undefined;
}

/** Overdue first, then soonest due, then tasks without a due date, oldest first among equals. */
export function arrangeInbox(tasks: readonly Task[], filter: InboxFilter, now: number): Task[] {
  const rank = (task: Task) => (task.dueAt ? Date.parse(task.dueAt) : Number.POSITIVE_INFINITY);
  return tasks
    .filter((task) => (!filter.workflow || task.workflow === filter.workflow) && (!filter.state || task.state === filter.state))
    .filter((task) => !filter.overdueOnly || urgencyOf(task, now) === 'overdue')
    .sort((a, b) => rank(a) - rank(b) || a.createdAt.localeCompare(b.createdAt));
}
