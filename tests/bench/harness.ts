/**
 * The benchmark contract. Every figure that is a speed carries a baseline measured in the same run,
 * because this machine is shared and noisy: the ratio is what we compare across commits, not the value.
 */
export interface BenchResult {
  /** Stable id, dotted: `lint.pack`, `workflow.transitions`, … (`--only <prefix>` selects by it). */
  id: string;
  value: number;
  unit: string;
  /** What the baseline is, in words, e.g. "xstate 5 pure transition()". */
  baseline?: string;
  baselineValue?: number;
  /** value ÷ baselineValue, or the inverse when `lowerIsBetter` makes that the natural reading; see `ratioOf`. */
  ratio?: number;
  /** The target in words, e.g. "≥ 3× baseline" or "< 1000 ms". */
  target?: string;
  met?: boolean;
}

export interface Benchmark {
  id: string;
  /** Runs the benchmark and returns one or more figures. May take seconds, never minutes. */
  run(): Promise<BenchResult[]>;
}

/** Median of a list of samples (ms, ops/s, …). */
export function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The q-quantile (0..1) of samples, nearest-rank. */
export function quantile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

/**
 * Runs `fn` repeatedly for about `ms` milliseconds after a warm-up and returns operations per second.
 * `fn` returns how many operations it did (default 1), so batched work counts correctly.
 */
export function opsPerSecond(fn: () => number | void, ms = 1000): number {
  const warmUntil = performance.now() + Math.min(200, ms / 5);
  while (performance.now() < warmUntil) fn();
  let ops = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    ops += fn() ?? 1;
    now = performance.now();
  }
  return (ops * 1000) / (now - start);
}

/** Times one call of `fn` in milliseconds. */
export async function timeMs(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}
