import type { DatabaseHandle } from '../db/dialects/dialect';
import type { Clock } from '../util/clock';

/** Placeholder until the workflow engine lands: demo orders are driven through it. */
export async function seedDemoOrders(_database: DatabaseHandle, _clock: Clock): Promise<number> {
  return 0;
}
