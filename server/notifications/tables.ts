/** Row types of the notification tables (migration 0104), merged into the app's Database type. */

export type NotificationKind = 'assigned' | 'reminder' | 'slaWarning' | 'cc' | 'update';
export type Urgency = 'normal' | 'urgent';

export interface NotificationTable {
  /** Time-ordered (UUIDv7-shaped), so newest-first cursor pagination is an index range. */
  id: string;
  user_id: string;
  kind: NotificationKind;
  urgency: Urgency;
  /** Message key (workflow.task.assigned, order.rejected, notification.sla.warning, …). */
  message: string;
  /** JSON object: the effect's data plus the workflow and task titles, for rendering in either language. */
  params: string;
  instance_id: string | null;
  task_id: string | null;
  source_id: string;
  created_at: string;
  read_at: string | null;
}

export interface NotificationPreferenceTable {
  user_id: string;
  /** JSON object: kind → outbound channel ids. In-app is always on. */
  channels: string;
  /** 'HH:MM' in Beijing time (UTC+8); both null: no quiet hours. */
  quiet_start: string | null;
  quiet_end: string | null;
  updated_at: string;
}

export interface NotificationDeliveryTable {
  id: string;
  notification_id: string;
  user_id: string;
  channel: string;
  status: 'pending' | 'delivered' | 'dead';
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  delivered_at: string | null;
  created_at: string;
}

export interface NotificationTaskWatchTable {
  task_id: string;
  /** When the SLA warning is due (80 % of created → due); null for tasks without a due time. */
  warn_at: string | null;
  warned_at: string | null;
}

export interface NotificationTables {
  notifications: NotificationTable;
  notification_preferences: NotificationPreferenceTable;
  notification_deliveries: NotificationDeliveryTable;
  notification_task_watch: NotificationTaskWatchTable;
}
