import type { ApiClient } from '../../server/support/client';
import { fiveOrderSteps, type Ack, type Actors } from './load';

/** The step to send next for an order in `state`; undefined when the lifecycle this driver runs is over. */
const nextStep: Record<string, number> = { submitted: 0, pending_dispatch: 1, dispatched: 2, accepted: 3, in_service: 4, awaiting_rating: 5 };

export interface Acknowledged {
  id: string;
  event: string;
  version: number;
}

export interface DriverStats {
  acknowledged: Acknowledged[];
  /** 412s: another client moved the instance first (allowed, never applied). */
  conflicts: number;
  /** Requests that failed at the network level (the server was being killed or restarted). */
  networkErrors: number;
  /** 4xx other than 409/412 or any 5xx: a refusal the driver did not expect. */
  unexpected: { status: number; body: string }[];
}

/**
 * Clients sending five-order commands against whatever server `current(worker)` names. Each worker walks orders
 * through their lifecycle; `shared` orders are driven by every worker at once (so they race on If-Match),
 * the rest are each worker's own. Network failures are waited out and the instance re-read.
 */
export function startDriver(current: (worker: number) => Actors, options: { workers: number; shared: string[]; stop: () => boolean }): { stats: DriverStats; done: Promise<void> } {
  const stats: DriverStats = { acknowledged: [], conflicts: 0, networkErrors: 0, unexpected: [] };
  const clientFor = (actors: Actors, by: 'stationAdmin' | 'teamLeader' | 'resident'): ApiClient => actors[by];
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

  async function read(index: number, id: string): Promise<Ack | undefined> {
    const response = await current(index).stationAdmin.get<Ack>(`/api/instances/${id}`);
    return response.status === 200 ? response.body : undefined;
  }

  async function worker(index: number): Promise<void> {
    let order: Ack | undefined;
    let sharedIndex = index % Math.max(1, options.shared.length);
    while (!options.stop()) {
      try {
        const actors = current(index);
        if (order === undefined) {
          const sharedId = options.shared[sharedIndex];
          if (sharedId !== undefined) {
            order = await read(index, sharedId);
            if (order !== undefined && nextStep[order.state] === undefined) {
              // That shared order is finished; this worker goes on with one of its own.
              const at = options.shared.indexOf(sharedId);
              if (at !== -1) options.shared.splice(at, 1);
              sharedIndex = 0;
              order = undefined;
            }
            if (order !== undefined) continue;
          }
          const started = await actors.resident.post<Ack>('/api/instances', { workflow: 'five-order', orgUnitId: actors.station, data: { description: `压力测试订单 w${index}` } });
          if (started.status !== 201) {
            stats.unexpected.push({ status: started.status, body: started.text.slice(0, 200) });
            continue;
          }
          stats.acknowledged.push({ id: started.body.id, event: '@start', version: started.body.version });
          order = started.body;
          continue;
        }
        const stepIndex = nextStep[order.state];
        if (stepIndex === undefined) {
          order = undefined;
          continue;
        }
        const step = fiveOrderSteps[stepIndex]!;
        const response = await clientFor(actors, step.by).post<Ack>(
          `/api/instances/${order.id}/commands`,
          { event: step.event, ...(step.data ? { data: step.data(actors.teamId) } : {}) },
          { headers: { 'if-match': `"${order.version}"`, 'idempotency-key': `${order.id}:${order.version}:${step.event}:${index}` } },
        );
        if (response.status === 200) {
          if (response.headers.get('idempotent-replayed') !== 'true') stats.acknowledged.push({ id: order.id, event: step.event, version: response.body.version });
          order = response.body;
        } else if (response.status === 412 || response.status === 409) {
          stats.conflicts++;
          order = await read(index, order.id);
        } else {
          stats.unexpected.push({ status: response.status, body: response.text.slice(0, 200) });
          order = undefined;
        }
      } catch {
        stats.networkErrors++;
        await pause(50);
        // The outcome of the command in flight is unknown: re-read once the server answers again.
        if (order !== undefined) order = await read(index, order.id).catch(() => order);
      }
    }
  }

  return { stats, done: Promise.all(Array.from({ length: options.workers }, (_, i) => worker(i))).then(() => undefined) };
}
