/**
 * Peak resident memory of this process over a stretch of work. On Linux the kernel keeps the high-water
 * mark (VmHWM) and `5` written to /proc/self/clear_refs resets it to the current RSS, so the figure is the
 * exact peak of the stretch, not of whatever ran earlier in the process. Elsewhere it falls back to
 * sampling RSS every 10 ms.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** A full garbage collection, without starting node with --expose-gc. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

function highWaterMb(): number | undefined {
  try {
    const kb = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

export interface PeakRss {
  /** Ends the stretch: the peak RSS in MB and how it was measured. */
  stop(): { mb: number; method: string };
}

export function watchPeakRss(): PeakRss {
  // The stretch starts from a collected heap: garbage left by the benchmark's own setup (cloning thousands
  // of orders in one go) is not the server's, and would otherwise be part of the peak however it ran.
  collectGarbage();
  let kernel = false;
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    kernel = highWaterMb() !== undefined;
  } catch {
    kernel = false;
  }
  let sampled = process.memoryUsage.rss();
  const timer = kernel ? undefined : setInterval(() => (sampled = Math.max(sampled, process.memoryUsage.rss())), 10);
  return {
    stop() {
      if (timer !== undefined) clearInterval(timer);
      if (kernel) return { mb: highWaterMb()!, method: 'VmHWM' };
      return { mb: Math.max(sampled, process.memoryUsage.rss()) / (1024 * 1024), method: 'sampled every 10 ms' };
    },
  };
}
