import type { AppDeps } from '../deps';

/** Placeholder until the five-order workflow lands in the pack: demo orders are driven through the engine. */
export async function seedDemoOrders(_deps: Pick<AppDeps, 'database' | 'clock' | 'engine' | 'definitions'>): Promise<number> {
  return 0;
}
