/**
 * The records screens' calls: the month plan against done, filing a month's arrangement, check-in windows
 * and checking in by code. Shapes follow server/routes/records/activity-schema.ts.
 */
import { ApiError, api, type Client } from '../../api/client';

export interface DoneActivity {
  kind: 'record' | 'attendance';
  id: string;
  title: string;
  at: string;
}

export interface PlanProgress {
  orgUnitId: string;
  year: number;
  month: number;
  plan: { id: string; title: string; filedBy: string; filedAt: string } | null;
  items: { title: string; date: string | null; category: string | null; done: DoneActivity[] }[];
  unplanned: DoneActivity[];
  planned: number;
  completed: number;
}

export interface PlanItem {
  title: string;
  date?: string;
  category?: string;
}

export interface AttendanceSession {
  id: string;
  orgUnitId: string;
  activityId: string | null;
  title: string;
  code: string;
  opensAt: string;
  closesAt: string;
}

export interface SessionDetail extends AttendanceSession {
  attendance: { userId: string; checkInAt: string; checkOutAt: string | null; hours: number | null }[];
}

export interface Attendance {
  sessionId: string;
  title: string;
  checkInAt: string;
  checkOutAt: string | null;
}

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

export function recordsApi(client: Client = api) {
  return {
    progress: (orgUnitId: string, year: number, month: number, signal?: AbortSignal) =>
      client.get<PlanProgress>('/api/activity-plans/progress', { query: { orgUnitId, year, month }, ...withSignal(signal) }),
    filePlan: (plan: { orgUnitId: string; year: number; month: number; title: string; items: PlanItem[] }) => client.post<{ id: string }>('/api/activity-plans', plan),
    sessions: (orgUnitId: string, signal?: AbortSignal) => client.get<{ items: (AttendanceSession & { checkedIn: number })[] }>('/api/attendance-sessions', { query: { orgUnitId }, ...withSignal(signal) }),
    openSession: (orgUnitId: string, title: string, validMinutes: number) => client.post<AttendanceSession>('/api/attendance-sessions', { orgUnitId, title, validMinutes }),
    session: (id: string, signal?: AbortSignal) => client.get<SessionDetail>(`/api/attendance-sessions/${encodeURIComponent(id)}`, withSignal(signal)),
    checkIn: (code: string) => client.post<Attendance>('/api/attendance/check-in', { code }),
    checkOut: (code: string) => client.post<Attendance>('/api/attendance/check-out', { code }),
  };
}

/** A typed code, kept to its digits: people paste "123 456" or type full-width digits on a phone. */
export function normalizeCode(typed: string): string {
  return typed.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/\D/g, '').slice(0, 6);
}

/** Plan rows as typed, without blank rows and with trimmed titles; the date only when given. */
export function cleanPlanItems(rows: readonly { title: string; date?: string | null }[]): PlanItem[] {
  return rows.flatMap((row) => {
    const title = row.title.trim();
    if (!title) return [];
    return [{ title, ...(row.date ? { date: row.date } : {}) }];
  });
}

/** The two refusals a volunteer meets at the door, told apart so each gets its own plain sentence. */
export function checkInRefusal(error: unknown): 'badCode' | 'notCheckedIn' | null {
  if (!(error instanceof ApiError) || error.status !== 422) return null;
  if (error.type.endsWith('attendance-code')) return 'badCode';
  if (error.type.endsWith('attendance-not-checked-in')) return 'notCheckedIn';
  return null;
}
