/**
 * Runs the load generator (load.ts) in a child process, so it shares neither the event loop nor the CPU
 * time slices of the server under test, which runs in the benchmark's own process.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoadConfig, LoadResult } from './load';
import { watchSqliteTime } from './sqlite-time';

export function runLoad(config: LoadConfig): Promise<LoadResult> {
  const file = join(mkdtempSync(join(tmpdir(), 'shijian-load-')), 'config.json');
  writeFileSync(file, JSON.stringify(config));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/server/bench/load.ts', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`load generator failed (${code}): ${stderr}`));
      else resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as LoadResult);
    });
  });
}

export interface MeasuredLoad extends LoadResult {
  /** CPU time this process (the server under test) spent per request, µs. */
  cpuUsPerRequest: number;
  /**
   * Wall time inside SQLite calls (statements and COMMIT) per request, µs (see sqlite-time.ts). No call
   * waits on the disk here: a commit writes the WAL without syncing it, and checkpoints run in a worker.
   */
  sqliteUsPerRequest: number;
  sqliteCallsPerRequest: number;
  /** Checkpoints this process ran on its event loop during the load, and the longest of them (ms). */
  checkpoints: number;
  longestCheckpointMs: number;
}

/**
 * The load, plus the CPU time this process (the server under test) spent serving it, per request. On a
 * shared, busy machine, wall-clock throughput swings with the neighbours; CPU time per request less so.
 */
export async function measuredLoad(config: LoadConfig): Promise<MeasuredLoad> {
  const sqlite = watchSqliteTime();
  const before = process.cpuUsage();
  const result = await runLoad(config).catch((error: unknown) => {
    sqlite.stop();
    throw error;
  });
  const used = process.cpuUsage(before);
  const inSqlite = sqlite.stop();
  const requests = Math.max(result.total, 1);
  return { ...result, cpuUsPerRequest: (used.user + used.system) / requests, sqliteUsPerRequest: (inSqlite.ms * 1000) / requests, sqliteCallsPerRequest: inSqlite.calls / requests, checkpoints: inSqlite.checkpoints, longestCheckpointMs: inSqlite.longestCheckpointMs };
}
