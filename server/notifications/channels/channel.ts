import type { Localized } from '../messages';
import type { NotificationKind, Urgency } from '../tables';

/** One outbound message: what a gateway needs to reach the person (it maps the user to a phone or openid). */
export interface OutboundMessage {
  /** The delivery id: the same on every retry, so a gateway dedupes by it. */
  id: string;
  notificationId: string;
  channel: string;
  user: { id: string; username: string; displayName: string };
  kind: NotificationKind;
  urgency: Urgency;
  message: string;
  params: Record<string, unknown>;
  title: Localized;
  instanceId: string | null;
  taskId: string | null;
  createdAt: string;
}

export type DeliveryResult = { ok: true } | { ok: false; error: string };

/**
 * An outbound channel (SMS gateway, WeChat template messages, …). `deliver` never throws for a failed
 * send: it says what went wrong, and the delivery worker retries with backoff.
 */
export interface NotificationChannel {
  readonly id: string;
  readonly label: Localized;
  deliver(message: OutboundMessage): Promise<DeliveryResult>;
}
