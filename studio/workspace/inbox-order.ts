import type { InboxQuery, Task } from './workspace-api';

export type Urgency = 'overdue' | 'soon' | 'normal' | 'none';

const SOON_MS = 24 * 3_600_000;

/** Urgency marks stay a client matter: they move with the clock, the server's order does not. */
export function urgencyOf(task: Pick<Task, 'dueAt'>, now: number): Urgency {
  if (!task.dueAt) return 'none';
  const due = Date.parse(task.dueAt);
  if (due < now) return 'overdue';
  return due - now < SOON_MS ? 'soon' : 'normal';
}

export interface InboxFilter {
  workflow?: string | undefined;
  /** The task's step, within the chosen workflow. */
  state?: string | undefined;
  overdueOnly?: boolean | undefined;
  /** Assigned to me, or waiting in a pool to be claimed (抢单). */
  kind?: 'assigned' | 'pool' | undefined;
}

/** How many cards one inbox request brings (and one "load more"): a phone never lays out hundreds at once. */
export const INBOX_PAGE = 20;

/**
 * The server does the filtering, ordering (overdue and soonest due first, undated last) and paging, so a
 * task beyond the first page is found by filtering, however many are open.
 */
export function inboxQuery(filter: InboxFilter, cursor: string | null = null): InboxQuery {
  return {
    limit: INBOX_PAGE,
    ...(filter.workflow ? { workflow: filter.workflow } : {}),
    ...(filter.workflow && filter.state ? { state: filter.state } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.overdueOnly ? { overdue: '1' as const } : {}),
    ...(cursor === null ? {} : { cursor }),
  };
}

/**
 * The next page after the ones shown. Keyset pages do not overlap, but a task can reach the caller
 * between two pages (a new pool task due earlier is simply not seen until a refresh, and one that moved
 * could come again): a card is never drawn twice.
 */
export function appendPage(shown: readonly Task[], page: readonly Task[]): Task[] {
  const seen = new Set(shown.map((task) => task.id));
  return [...shown, ...page.filter((task) => !seen.has(task.id))];
}
