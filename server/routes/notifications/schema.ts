import { createRoute, z } from '@hono/zod-openapi';
import { clockTime } from '../../notifications/quiet-hours';
import { notificationKinds } from '../../notifications/preferences';
import { jsonBody, jsonContent, problemResponses } from '../../http/router';

const Localized = z.object({ 'zh-CN': z.string(), en: z.string() });
const Kind = z.enum(notificationKinds as ['assigned', 'reminder', 'slaWarning', 'cc', 'update']);

export const NotificationSchema = z
  .object({
    id: z.string(),
    kind: Kind,
    urgency: z.enum(['normal', 'urgent']),
    message: z.string().openapi({ description: 'message key, e.g. workflow.task.assigned, order.rejected' }),
    params: z.record(z.string(), z.unknown()),
    title: Localized,
    instanceId: z.string().nullable(),
    taskId: z.string().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi('Notification');

const QuietHours = z
  .object({ start: z.string().regex(clockTime, 'HH:MM (Beijing time)'), end: z.string().regex(clockTime, 'HH:MM (Beijing time)') })
  .strict()
  .refine((q) => q.start !== q.end, { path: ['end'], message: 'quiet hours must not start and end at the same time' });

const Channels = z.object(Object.fromEntries(notificationKinds.map((kind) => [kind, z.array(z.string().min(1).max(32)).max(10).optional()])) as Record<z.infer<typeof Kind>, z.ZodOptional<z.ZodArray<z.ZodString>>>).strict();

export const PreferencesSchema = z
  .object({
    channels: z.record(Kind, z.array(z.string())),
    quietHours: z.object({ start: z.string(), end: z.string() }).nullable(),
    availableChannels: z.array(z.object({ id: z.string(), label: Localized })),
  })
  .openapi('NotificationPreferences');

const Unread = z.enum(['true', 'false', '1', '0']);

export const listNotificationsRoute = createRoute({
  method: 'get',
  path: '/notifications',
  tags: ['notifications'],
  summary: 'Your notifications, newest first (cursor pagination); unread=true lists unread ones only',
  request: { query: z.object({ unread: Unread.optional(), cursor: z.string().min(1).max(64).optional(), limit: z.coerce.number().int().min(1).max(100).default(20) }) },
  responses: { 200: jsonContent(z.object({ items: z.array(NotificationSchema), nextCursor: z.string().nullable() }), 'Notifications'), ...problemResponses(400, 401) },
});

export const unreadCountRoute = createRoute({
  method: 'get',
  path: '/notifications/unread-count',
  tags: ['notifications'],
  summary: 'How many of your notifications are unread (the bell)',
  responses: { 200: jsonContent(z.object({ count: z.number().int() }), 'Unread count'), ...problemResponses(401) },
});

export const markReadRoute = createRoute({
  method: 'post',
  path: '/notifications/{id}/read',
  tags: ['notifications'],
  summary: 'Mark one of your notifications read (again: no change)',
  request: { params: z.object({ id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 200: jsonContent(NotificationSchema, 'Read'), ...problemResponses(401, 403, 404) },
});

export const markAllReadRoute = createRoute({
  method: 'post',
  path: '/notifications/read-all',
  tags: ['notifications'],
  summary: 'Mark all your notifications read',
  responses: { 200: jsonContent(z.object({ updated: z.number().int() }), 'Read'), ...problemResponses(401, 403) },
});

export const getPreferencesRoute = createRoute({
  method: 'get',
  path: '/notifications/preferences',
  tags: ['notifications'],
  summary: 'Your notification preferences: outbound channels per kind, quiet hours (Beijing time), and the channels this server offers',
  responses: { 200: jsonContent(PreferencesSchema, 'Preferences'), ...problemResponses(401) },
});

export const putPreferencesRoute = createRoute({
  method: 'put',
  path: '/notifications/preferences',
  tags: ['notifications'],
  summary: 'Replace your notification preferences; a kind left out gets no outbound channel. Urgent messages ignore quiet hours',
  request: { body: jsonBody(z.object({ channels: Channels, quietHours: QuietHours.nullable() }).strict().openapi('PutNotificationPreferences')) },
  responses: { 200: jsonContent(PreferencesSchema, 'Saved'), ...problemResponses(400, 401, 403, 415) },
});

export const DeliverySchema = z
  .object({
    id: z.string().openapi({ description: 'the webhook-id a gateway sees: the same on every retry' }),
    notificationId: z.string(),
    userId: z.string(),
    channel: z.string(),
    status: z.enum(['pending', 'delivered', 'dead']),
    attempts: z.number().int(),
    nextAttemptAt: z.string(),
    lastError: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('NotificationDelivery');

export const listDeliveriesRoute = createRoute({
  method: 'get',
  path: '/notifications/deliveries',
  tags: ['notifications'],
  summary: 'Outbound deliveries (SMS, WeChat gateways), newest first; status=dead lists the dead letters. District admins only',
  request: { query: z.object({ status: z.enum(['pending', 'delivered', 'dead']).optional(), channel: z.string().min(1).max(32).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }) },
  responses: { 200: jsonContent(z.object({ items: z.array(DeliverySchema) }), 'Deliveries'), ...problemResponses(400, 401, 403) },
});

export const retryDeliveryRoute = createRoute({
  method: 'post',
  path: '/notifications/deliveries/{id}/retry',
  tags: ['notifications'],
  summary: 'Send a dead outbound delivery again (same id). District admins only',
  request: { params: z.object({ id: z.string().min(1).max(80).openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 200: jsonContent(DeliverySchema, 'Queued'), ...problemResponses(401, 403, 404, 409) },
});
