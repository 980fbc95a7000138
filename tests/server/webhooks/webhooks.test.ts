/**
 * Webhooks against a real local HTTP receiver: Standard Webhooks signatures verified, retries after a 500
 * and a timeout, dead letters, subtree scoping, and a worker "restart" mid-delivery that repeats the same
 * webhook-id so the receiver processes the message once.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fanOut, pendingFanOut, startWebhookWorker, type WebhookWorker } from '../../../server/webhooks/webhook-worker';
import { verify } from '../../../server/webhooks/signature';
import { type ApiClient, signIn } from '../support/client';
import { DIALECTS, type TestDatabase } from '../support/dialects';
import { queryPlan } from '../support/plan';
import { startServer, TestClock, type RunningServer } from '../support/server';

type Behaviour = 'ok' | 'fail' | 'hang';

interface Received {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
}

/** A receiver that answers each request by the next scripted behaviour (then 'ok'), deduping by webhook-id. */
class Receiver {
  readonly received: Received[] = [];
  readonly processed = new Set<string>();
  readonly hanging: ServerResponse[] = [];
  script: Behaviour[] = [];
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        const entry = { id: String(req.headers['webhook-id']), timestamp: String(req.headers['webhook-timestamp']), signature: String(req.headers['webhook-signature']), body };
        this.received.push(entry);
        const behaviour = this.script.shift() ?? 'ok';
        if (behaviour === 'hang') {
          this.hanging.push(res);
          return;
        }
        if (behaviour === 'fail') {
          res.writeHead(500).end('boom');
          return;
        }
        this.processed.add(entry.id);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

describe.each(DIALECTS)('webhooks on $name', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  const clock = new TestClock(Date.parse('2026-03-02T01:00:00.000Z'));
  const receiver = new Receiver();
  let admin: ApiClient;
  let resident: ApiClient;
  let stationId: string;
  const workers: WebhookWorker[] = [];
  const worker = (options: { timeoutMs?: number; maxAttempts?: number } = {}) => {
    const created = startWebhookWorker({ deps: { ...server.deps, clock: clock.now }, intervalMs: 3_600_000, baseBackoffMs: 1_000, timeoutMs: options.timeoutMs ?? 300, ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }) });
    workers.push(created);
    return created;
  };
  const order = async () => {
    const started = await resident.post('/api/instances', { workflow: 'five-order', orgUnitId: stationId, data: { description: '需要上门帮助老人打扫卫生', beneficiaryPhone: '13800000000', urgency: 'normal' } });
    expect(started.status).toBe(201);
  };
  const deliveries = async (subscription: string, status?: string) =>
    (await admin.get<{ items: { id: string; status: string; attempts: number; lastStatus: number | null; lastError: string | null }[] }>(`/api/webhooks/${subscription}/deliveries${status === undefined ? '' : `?status=${status}`}`)).body.items;

  beforeAll(async () => {
    database = await dialect.create();
    server = await startServer(database.handle, { clock, overrides: { sessionTtlMs: 30 * 24 * 3_600_000 } });
    await receiver.start();
    admin = await signIn(server.baseUrl, 'district.admin');
    resident = await signIn(server.baseUrl, 'resident1');
    stationId = (await resident.get<{ user: { roles: { orgUnitId: string }[] } }>('/api/auth/me')).body.user.roles[0]!.orgUnitId;
  });
  afterAll(async () => {
    for (const w of workers) await w.stop();
    await receiver.stop();
    expect(server.errors).toEqual([]);
    await server.close();
    await database.destroy();
  });

  it('signs, retries after a 500 and a timeout, delivers once per webhook-id, and scopes by subtree', async () => {
    const subscribed = await admin.post<{ id: string; secret: string }>('/api/webhooks', { url: receiver.url, events: ['order.submitted'] });
    expect(subscribed.status).toBe(201);
    expect(subscribed.body.secret).toMatch(/^whsec_/);
    const otherInstitute = await signIn(server.baseUrl, 'institute.admin2');
    const elsewhere = await otherInstitute.post<{ id: string }>('/api/webhooks', { url: receiver.url, events: ['*'] });
    expect(elsewhere.status).toBe(201);
    expect((await resident.post('/api/webhooks', { url: receiver.url, events: ['*'] })).status).toBe(403);

    await order();
    receiver.script = ['fail', 'hang'];
    const w = worker();
    await w.runOnce();
    let log = await deliveries(subscribed.body.id);
    expect(log).toMatchObject([{ status: 'pending', attempts: 1, lastStatus: 500 }]);
    await w.runOnce(); // backoff not yet over: nothing is sent
    expect(receiver.received).toHaveLength(1);
    clock.advance(1_000);
    await w.runOnce();
    log = await deliveries(subscribed.body.id);
    expect(log[0]).toMatchObject({ status: 'pending', attempts: 2, lastError: 'timeout after 300 ms' });
    clock.advance(2_000);
    await w.runOnce();
    log = await deliveries(subscribed.body.id);
    expect(log[0]).toMatchObject({ status: 'delivered', attempts: 3 });

    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((r) => r.id))).toEqual(new Set([log[0]!.id]));
    expect(receiver.processed.size).toBe(1);
    for (const request of receiver.received) {
      expect(verify(subscribed.body.secret, request, request.body, Number(request.timestamp))).toBe(true);
      expect(verify(subscribed.body.secret, request, request.body.replace('order', 'odder'), Number(request.timestamp))).toBe(false);
    }
    expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({ type: 'order.submitted', data: { urgency: 'normal', orgUnitId: stationId, workflow: 'five-order' } });
    // Institute 2's subscription never saw station 1's order.
    expect(await deliveries(elsewhere.body.id)).toEqual([]);
    expect((await otherInstitute.get(`/api/webhooks/${subscribed.body.id}/deliveries`)).status).toBe(404);
    await admin.request('DELETE', `/api/webhooks/${elsewhere.body.id}`);
    await admin.request('DELETE', `/api/webhooks/${subscribed.body.id}`);
  });

  it('fans each webhook row out once, and reads only the rows still to fan out, through their own index', async () => {
    const subscribed = await admin.post<{ id: string }>('/api/webhooks', { url: receiver.url, events: ['order.submitted'] });
    await order();
    const db = server.deps.database.db;
    const at = clock.now().toISOString();
    expect(await fanOut(db, at)).toBe(1);
    expect(await fanOut(db, at)).toBe(0);
    const unfanned = await db.selectFrom('outbox').select('id').where('kind', '=', 'webhook').where('fanned_out_at', 'is', null).execute();
    expect(unfanned).toEqual([]);
    expect(await deliveries(subscribed.body.id)).toHaveLength(1);
    // Before, each tick walked every webhook row ever written (53 ms at 200,000 rows, every two seconds);
    // the plan must come from the partial index of pending rows, whatever the table holds.
    const plan = await queryPlan(db, dialect.name, pendingFanOut(db));
    expect(plan).toContain('outbox_webhook_unfanned');
    await worker().runOnce();
    expect((await deliveries(subscribed.body.id))[0]).toMatchObject({ status: 'delivered' });
    await admin.request('DELETE', `/api/webhooks/${subscribed.body.id}`);
  });

  it('a deleted subscription sends nothing more: its waiting deliveries become dead letters that cannot be retried', async () => {
    const subscribed = await admin.post<{ id: string }>('/api/webhooks', { url: receiver.url, events: ['order.submitted'] });
    receiver.received.length = 0;
    await order();
    const db = server.deps.database.db;
    expect(await fanOut(db, clock.now().toISOString())).toBe(1);
    expect(await deliveries(subscribed.body.id)).toMatchObject([{ status: 'pending', attempts: 0 }]);
    expect((await admin.request('DELETE', `/api/webhooks/${subscribed.body.id}`)).status).toBe(200);
    await worker().runOnce();
    expect(receiver.received).toEqual([]);
    const [dead] = await deliveries(subscribed.body.id);
    expect(dead).toMatchObject({ status: 'dead', attempts: 0, lastError: 'subscription deleted' });
    const retried = await admin.post<{ type: string }>(`/api/webhooks/${subscribed.body.id}/deliveries/${dead!.id}/retry`);
    expect(retried.status).toBe(409);
    expect(retried.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await deliveries(subscribed.body.id)).toMatchObject([{ status: 'dead' }]);
  });

  it('dead-letters after the last attempt; a dead letter can be sent again by hand', async () => {
    const subscribed = await admin.post<{ id: string }>('/api/webhooks', { url: receiver.url, events: ['order.submitted'] });
    receiver.received.length = 0;
    receiver.script = ['fail', 'fail'];
    await order();
    const w = worker({ maxAttempts: 2 });
    await w.runOnce();
    clock.advance(1_000);
    await w.runOnce();
    const dead = await deliveries(subscribed.body.id, 'dead');
    expect(dead).toMatchObject([{ status: 'dead', attempts: 2, lastStatus: 500 }]);
    clock.advance(60_000);
    await w.runOnce();
    expect(receiver.received).toHaveLength(2);
    const retried = await admin.post<{ status: string }>(`/api/webhooks/${subscribed.body.id}/deliveries/${dead[0]!.id}/retry`);
    expect(retried.body.status).toBe('pending');
    await w.runOnce();
    expect((await deliveries(subscribed.body.id))[0]).toMatchObject({ status: 'delivered' });
    expect((await admin.post(`/api/webhooks/${subscribed.body.id}/deliveries/${dead[0]!.id}/retry`)).status).toBe(409);
    await admin.request('DELETE', `/api/webhooks/${subscribed.body.id}`);
  });

  it('a worker dying mid-delivery: another one resends the same webhook-id after the lease, processed once', async () => {
    const subscribed = await admin.post<{ id: string }>('/api/webhooks', { url: receiver.url, events: ['order.submitted'] });
    receiver.received.length = 0;
    receiver.processed.clear();
    receiver.script = ['hang'];
    await order();
    const first = worker({ timeoutMs: 5_000 });
    const inFlight = first.runOnce();
    await waitFor(() => receiver.received.length === 1);
    // "Restart": a second worker on the same database. Within the lease it leaves the row alone…
    const second = worker({ timeoutMs: 5_000 });
    await second.runOnce();
    expect(receiver.received).toHaveLength(1);
    // …after it, it sends again with the same webhook-id.
    clock.advance(11_000);
    await second.runOnce();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]!.id).toBe(receiver.received[0]!.id);
    for (const res of receiver.hanging.splice(0)) res.destroy();
    await inFlight;
    expect(receiver.processed.size).toBe(1);
    expect((await deliveries(subscribed.body.id))[0]).toMatchObject({ status: 'delivered', attempts: 2 });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
