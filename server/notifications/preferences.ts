import type { Kysely } from 'kysely';
import type { Database } from '../db/types';
import type { NotificationKind } from './tables';

export const notificationKinds: readonly NotificationKind[] = ['assigned', 'reminder', 'slaWarning', 'cc', 'update'];

export interface Preferences {
  /** Outbound channel ids per kind; in-app notifications are always written. */
  channels: Record<NotificationKind, string[]>;
  quietHours: { start: string; end: string } | null;
}

/**
 * Without saved preferences: what needs a person's action goes out on every configured channel, copies
 * and status updates stay in-app, and nothing non-urgent is sent between 22:00 and 07:00 Beijing time.
 */
export function defaultPreferences(channelIds: readonly string[]): Preferences {
  return {
    channels: { assigned: [...channelIds], reminder: [...channelIds], slaWarning: [...channelIds], cc: [], update: [] },
    quietHours: { start: '22:00', end: '07:00' },
  };
}

export function preferencesFromRow(row: { channels: string; quiet_start: string | null; quiet_end: string | null } | undefined, channelIds: readonly string[]): Preferences {
  if (row === undefined) return defaultPreferences(channelIds);
  const saved = JSON.parse(row.channels) as Partial<Record<NotificationKind, string[]>>;
  const channels = Object.fromEntries(notificationKinds.map((kind) => [kind, (saved[kind] ?? []).filter((id) => channelIds.includes(id))])) as Record<NotificationKind, string[]>;
  return { channels, quietHours: row.quiet_start !== null && row.quiet_end !== null ? { start: row.quiet_start, end: row.quiet_end } : null };
}

export async function loadPreferences(db: Kysely<Database>, userIds: readonly string[], channelIds: readonly string[]): Promise<Map<string, Preferences>> {
  const rows = userIds.length === 0 ? [] : await db.selectFrom('notification_preferences').selectAll().where('user_id', 'in', [...userIds]).execute();
  const byUser = new Map(rows.map((row) => [row.user_id, row]));
  return new Map(userIds.map((id) => [id, preferencesFromRow(byUser.get(id), channelIds)]));
}
