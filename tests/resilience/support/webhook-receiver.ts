import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback webhook endpoint that records every delivery's outbox id (receivers dedupe by it). */
export interface WebhookReceiver {
  url: string;
  /** Deliveries per outbox id. */
  received: Map<string, number>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      try {
        const { id } = JSON.parse(body) as { id?: string };
        if (typeof id === 'string') received.set(id, (received.get(id) ?? 0) + 1);
      } catch {
        // Not JSON: counted as nothing; the test then finds the row undelivered.
      }
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
