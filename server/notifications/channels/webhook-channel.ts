import { sign } from '../../webhooks/signature';
import type { DeliveryResult, NotificationChannel, OutboundMessage } from './channel';
import type { Localized } from '../messages';

export interface WebhookChannelOptions {
  id: string;
  label: Localized;
  url: string;
  /** A `whsec_` secret; requests carry Standard Webhooks headers signed with it, like subscription webhooks. */
  secret: string;
  timeoutMs?: number;
  now?: () => Date;
}

/** POSTs each message as JSON to a gateway the district runs (its SMS provider, its WeChat account). */
export function webhookChannel(options: WebhookChannelOptions): NotificationChannel {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    id: options.id,
    label: options.label,
    async deliver(message: OutboundMessage): Promise<DeliveryResult> {
      const body = JSON.stringify(message);
      const timestamp = Math.floor((options.now?.() ?? new Date()).getTime() / 1000);
      try {
        const response = await fetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'webhook-id': message.id, 'webhook-timestamp': String(timestamp), 'webhook-signature': sign(options.secret, message.id, timestamp, body) },
          body,
          signal: AbortSignal.timeout(timeoutMs),
        });
        await response.body?.cancel();
        return response.ok ? { ok: true } : { ok: false, error: `HTTP ${response.status}` };
      } catch (failure) {
        const error = failure instanceof Error ? (failure.name === 'TimeoutError' ? `timeout after ${timeoutMs} ms` : failure.message) : String(failure);
        return { ok: false, error };
      }
    },
  };
}
