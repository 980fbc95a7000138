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
  /** Assigned to me, or waiting in a pool to be claimed (抢单). */
  kind?: 'assigned' | 'pool' | undefined;
}

/** Overdue first, then soonest due, then tasks without a due date, oldest first among equals. */
export function arrangeInbox(tasks: readonly Task[], filter: InboxFilter, now: number): Task[] {
  const rank = (task: Task) => (task.dueAt ? Date.parse(task.dueAt) : Number.POSITIVE_INFINITY);
  return tasks
    .filter((task) => (!filter.workflow || task.workflow === filter.workflow) && (!filter.state || task.state === filter.state))
    .filter((task) => !filter.overdueOnly || urgencyOf(task, now) === 'overdue')
    .filter((task) => !filter.kind || (filter.kind === 'pool') === (task.pool !== null))
    .sort((a, b) => rank(a) - rank(b) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** How many cards the inbox draws at first and per "show more": a phone never lays out hundreds at once. */
export const INBOX_PAGE = 20;

/** The first `pages` pages of an arranged list, and whether more remain. */
export function inboxWindow<T>(arranged: readonly T[], pages: number): { shown: T[]; remaining: number } {
  const end = Math.max(1, pages) * INBOX_PAGE;
  return { shown: arranged.slice(0, end), remaining: Math.max(0, arranged.length - end) };
}
