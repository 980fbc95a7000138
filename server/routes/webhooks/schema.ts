import { createRoute, z } from '@hono/zod-openapi';
import { jsonBody, jsonContent, problemResponses } from '../../http/router';

export const SubscriptionSchema = z
  .object({ id: z.string(), url: z.string(), events: z.array(z.string()), orgUnitId: z.string().nullable(), active: z.boolean(), createdAt: z.string() })
  .openapi('WebhookSubscription');

export const DeliverySchema = z
  .object({
    id: z.string().openapi({ description: 'the webhook-id header: the same on every retry' }),
    event: z.string(),
    status: z.enum(['pending', 'delivered', 'dead']),
    attempts: z.number().int(),
    nextAttemptAt: z.string(),
    lastStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('WebhookDelivery');

const IdParam = z.object({ id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' } }) });

export const createSubscriptionRoute = createRoute({
  method: 'post',
  path: '/webhooks',
  tags: ['webhooks'],
  summary: 'Subscribe a URL to event types (assessment.approved, assessment.final, …, or *); the signing secret is in this response only',
  request: {
    body: jsonBody(
      z
        .object({ url: z.string().url().max(2000).regex(/^https?:\/\//), events: z.array(z.string().min(1).max(80)).min(1).max(50), orgUnitId: z.string().min(1).max(64).optional() })
        .strict()
        .openapi('CreateWebhookSubscription'),
    ),
  },
  responses: { 201: jsonContent(SubscriptionSchema.extend({ secret: z.string() }), 'Subscribed'), ...problemResponses(400, 401, 403, 404, 415) },
});

export const listSubscriptionsRoute = createRoute({
  method: 'get',
  path: '/webhooks',
  tags: ['webhooks'],
  summary: 'Subscriptions in your scope',
  responses: { 200: jsonContent(z.object({ items: z.array(SubscriptionSchema) }), 'Subscriptions'), ...problemResponses(401, 403) },
});

export const deleteSubscriptionRoute = createRoute({
  method: 'delete',
  path: '/webhooks/{id}',
  tags: ['webhooks'],
  summary: 'Deactivate a subscription (its delivery log stays; deliveries still waiting become dead letters and are never sent)',
  request: { params: IdParam },
  responses: { 200: jsonContent(SubscriptionSchema, 'Deactivated'), ...problemResponses(401, 403, 404) },
});

export const listDeliveriesRoute = createRoute({
  method: 'get',
  path: '/webhooks/{id}/deliveries',
  tags: ['webhooks'],
  summary: 'The delivery log of a subscription, newest first; status=dead lists the dead letters',
  request: { params: IdParam, query: z.object({ status: z.enum(['pending', 'delivered', 'dead']).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }) },
  responses: { 200: jsonContent(z.object({ items: z.array(DeliverySchema) }), 'Deliveries'), ...problemResponses(400, 401, 403, 404) },
});

export const retryDeliveryRoute = createRoute({
  method: 'post',
  path: '/webhooks/{id}/deliveries/{deliveryId}/retry',
  tags: ['webhooks'],
  summary: 'Send a dead letter again (same webhook-id)',
  request: { params: IdParam.extend({ deliveryId: z.string().min(1).max(80).openapi({ param: { name: 'deliveryId', in: 'path' } }) }) },
  responses: { 200: jsonContent(DeliverySchema, 'Queued'), ...problemResponses(401, 403, 404, 409) },
});
