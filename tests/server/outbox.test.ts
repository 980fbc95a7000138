import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOutboxRelay } from '../../server/workers/outbox-relay';
import { signIn } from './support/client';
import { DIALECTS, type TestDatabase } from './support/dialects';
import { startServer, type RunningServer } from './support/server';

describe.each(DIALECTS)('outbox relay on $name', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  let receiver: Server;
  let receiverUrl: string;
  const received: { id: string; event: string; instanceId: string }[] = [];
  let failNext = 0;

  beforeAll(async () => {
    database = await dialect.create();
    server = await startServer(database.handle);
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        if (failNext > 0) {
          failNext--;
          response.writeHead(500).end();
          return;
        }
        received.push(JSON.parse(body) as { id: string; event: string; instanceId: string });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    expect(server.errors).toEqual([]);
    await server.close();
    await new Promise((resolve) => receiver.close(resolve));
    await database.destroy();
  });

  it('delivers webhook effects after commit, retries a failed delivery, and delivers each once', async () => {
    const resident = await signIn(server.baseUrl, 'resident1');
    const station = (await resident.get<{ user: { roles: { orgUnitId: string }[] } }>('/api/auth/me')).body.user.roles[0]!.orgUnitId;
    const order = await resident.post<{ id: string }>('/api/instances', { workflow: 'five-order', orgUnitId: station, data: { description: '需要一次义诊' } });
    const errors: unknown[] = [];
    const relay = startOutboxRelay({ database: database.handle, clock: server.deps.clock, log: (_m, e) => errors.push(e), webhookUrl: receiverUrl }, 60_000);
    try {
      failNext = 1;
      expect(await relay.runOnce()).toBe(0);
      const pending = await database.handle.db.selectFrom('outbox').select(['attempts', 'delivered_at']).where('instance_id', '=', order.body.id).where('kind', '=', 'webhook').execute();
      expect(pending).toEqual([{ attempts: 1, delivered_at: null }]);
      expect(await relay.runOnce()).toBe(1);
      expect(received).toEqual([expect.objectContaining({ event: 'order.submitted', instanceId: order.body.id })]);
      expect(await relay.runOnce()).toBe(0);
      expect(received).toHaveLength(1);
      const row = await database.handle.db.selectFrom('outbox').select(['delivered_at', 'attempts']).where('instance_id', '=', order.body.id).where('kind', '=', 'webhook').executeTakeFirstOrThrow();
      expect(row.delivered_at).not.toBeNull();
      expect(row.attempts).toBe(2);
      expect(errors).toEqual([]);
    } finally {
      await relay.stop();
    }
  });
});
