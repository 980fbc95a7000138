/**
 * Outbound channels come from configuration (SHIJIAN_NOTIFY_CHANNELS, a JSON array), so a district
 * connects its own SMS gateway or WeChat relay without a code change. See server/README.md.
 */
import { z } from 'zod';
import type { NotificationChannel } from './channel';
import { logChannel } from './log-channel';
import { webhookChannel } from './webhook-channel';

const Label = z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) }).strict();
const ChannelId = z.string().regex(/^[a-z][a-zA-Z0-9_-]{0,31}$/);

const ChannelConfig = z.discriminatedUnion('type', [
  z.object({ type: z.literal('webhook'), id: ChannelId, label: Label.optional(), url: z.string().url().regex(/^https?:\/\//), secret: z.string().min(16), timeoutMs: z.number().int().min(100).max(60_000).optional() }).strict(),
  z.object({ type: z.literal('log'), id: ChannelId, label: Label.optional() }).strict(),
]);

export const ChannelsConfig = z.array(ChannelConfig).max(10).refine((list) => new Set(list.map((c) => c.id)).size === list.length, 'channel ids must be unique');

/** Parses the environment's channel list; a broken one stops the server with the reason. */
export function channelsFromEnv(json: string | undefined, log?: (line: string) => void): NotificationChannel[] {
  if (json === undefined || json.trim() === '') return [];
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error('SHIJIAN_NOTIFY_CHANNELS is not valid JSON');
  }
  const parsed = ChannelsConfig.safeParse(raw);
  if (!parsed.success) throw new Error(`SHIJIAN_NOTIFY_CHANNELS: ${parsed.error.issues.map((i) => `/${i.path.join('/')} ${i.message}`).join('; ')}`);
  return parsed.data.map((config) => {
    const label = config.label ?? { 'zh-CN': config.id, en: config.id };
    return config.type === 'webhook' ? webhookChannel({ id: config.id, label, url: config.url, secret: config.secret, ...(config.timeoutMs === undefined ? {} : { timeoutMs: config.timeoutMs }) }) : logChannel(config.id, label, log);
  });
}
