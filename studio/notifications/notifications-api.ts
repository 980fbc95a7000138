import { api, type Client } from '../api/client';

export type NotificationKind = 'assigned' | 'reminder' | 'slaWarning' | 'cc' | 'update';
export const notificationKinds: readonly NotificationKind[] = ['assigned', 'reminder', 'slaWarning', 'cc', 'update'];

export interface NotificationItem {
  id: string;
  kind: NotificationKind;
  urgency: 'normal' | 'urgent';
  message: string;
  title: { 'zh-CN': string; en: string };
  instanceId: string | null;
  taskId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: NotificationItem[];
  nextCursor: string | null;
}

export interface Preferences {
  channels: Record<NotificationKind, string[]>;
  quietHours: { start: string; end: string } | null;
  availableChannels: { id: string; label: { 'zh-CN': string; en: string } }[];
}

/** Fired after the person marks something read, so the bell recounts at once instead of at its next poll. */
export const NOTIFICATIONS_CHANGED = 'shijian:notifications-changed';

export function announceChange(): void {
  window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
}

export const notificationsApi = (client: Client = api) => ({
  unreadCount: (signal?: AbortSignal) => client.get<{ count: number }>('/api/notifications/unread-count', signal ? { signal } : {}),
  list: (query: { unread?: boolean; cursor?: string | undefined }, signal?: AbortSignal) =>
    client.get<NotificationPage>('/api/notifications', { query: { limit: 20, ...(query.unread ? { unread: 'true' } : {}), ...(query.cursor ? { cursor: query.cursor } : {}) }, ...(signal ? { signal } : {}) }),
  markRead: (id: string) => client.post<NotificationItem>(`/api/notifications/${encodeURIComponent(id)}/read`),
  markAllRead: () => client.post<{ updated: number }>('/api/notifications/read-all'),
  preferences: (signal?: AbortSignal) => client.get<Preferences>('/api/notifications/preferences', signal ? { signal } : {}),
  savePreferences: (body: { channels: Partial<Record<NotificationKind, string[]>>; quietHours: { start: string; end: string } | null }) => client.put<Preferences>('/api/notifications/preferences', body),
});
