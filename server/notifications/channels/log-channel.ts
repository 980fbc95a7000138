import type { Localized } from '../messages';
import type { NotificationChannel, OutboundMessage } from './channel';

/** For development: writes each message as one log line instead of sending it anywhere. */
export function logChannel(id: string, label: Localized, write: (line: string) => void = (line) => console.log(line)): NotificationChannel {
  return {
    id,
    label,
    async deliver(message: OutboundMessage) {
      write(`[shijian] notification via ${id} to ${message.user.username}: ${message.title['zh-CN']} / ${message.title.en}${message.urgency === 'urgent' ? ' (urgent)' : ''}`);
      return { ok: true };
    },
  };
}
