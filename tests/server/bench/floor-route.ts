/**
 * The floor under a command: what its write set alone costs over HTTP. A bare Hono route, built as the
 * baseline is (better-sqlite3 directly, no validation, no engine, no JSON beyond `{ok: true}`), runs the
 * very statements a real dispatch ran, recorded on the server's own command path with their parameters,
 * on a copy of the database as it was before those dispatches. It gets the server's one trick for writes
 * too, group commit (requests that arrive together share a transaction), so no implementation of this
 * write set on this schema and this machine can be expected to beat it: a command's throughput against
 * the floor's says how much of what is attainable the server reaches, and the floor's against the
 * baseline's says how much the write set itself allows.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import SqliteDatabase from 'better-sqlite3';
import { Hono } from 'hono';
import type { Actor } from '../../../server/auth/actor';
import { runCommand, type CommandRequest } from '../../../server/commands/instance-commands';
import { applyPragmas, openSqlite } from '../../../server/db/dialects/sqlite';
import type { AppDeps } from '../../../server/deps';
import { DefinitionCache } from '../../../server/engine/definition-cache';
import { statementPrototype } from './sqlite-time';

type Method = 'run' | 'get' | 'all';

export interface RecordedStatement {
  source: string;
  method: Method;
  args: unknown[];
}

// Transaction control belongs to whoever replays (one per batch here, as in group commit), and group
// commit's own bookkeeping (counting changes between units, checkpoints between batches) is not the command's.
const notTheCommands = /^\s*(begin|commit|rollback|savepoint|release|pragma)\b|total_changes\(\)/i;

/**
 * Runs `work` and returns the statements it ran on any better-sqlite3 connection of this thread, in order,
 * with their arguments. Only one recording at a time, and nothing else may touch SQLite meanwhile.
 */
export async function recordStatements<T>(work: () => Promise<T>): Promise<{ value: T; statements: RecordedStatement[] }> {
  const prototype = statementPrototype() as Record<Method, (...args: unknown[]) => unknown>;
  const statements: RecordedStatement[] = [];
  const originals = { run: prototype.run, get: prototype.get, all: prototype.all };
  for (const method of ['run', 'get', 'all'] as const) {
    const original = originals[method];
    prototype[method] = function recorded(this: SqliteDatabase.Statement, ...args: unknown[]) {
      if (!notTheCommands.test(this.source)) statements.push({ source: this.source, method, args: [...args] });
      return original.apply(this, args);
    };
  }
  try {
    return { value: await work(), statements };
  } finally {
    Object.assign(prototype, originals);
  }
}

/**
 * Copies the database file `from` to `into` and runs `commands` there, one after another, on the server's
 * own command path (with `deps`' engine and clock); returns each one's statements. `into` is left for the
 * caller to inspect or delete.
 */
export async function recordCommands(from: string, into: string, deps: Pick<AppDeps, 'engine' | 'clock'>, actor: Actor, commands: readonly CommandRequest[]): Promise<RecordedStatement[][]> {
  copyFileSync(from, into);
  const database = openSqlite(into);
  const recordings: RecordedStatement[][] = [];
  try {
    const recordingDeps = { ...deps, database, definitions: new DefinitionCache() };
    for (const command of commands) recordings.push((await recordStatements(() => runCommand(recordingDeps, actor, command))).statements);
  } finally {
    await database.close();
  }
  return recordings;
}

/**
 * Serves the recordings on a copy of `databaseFile` (left as it is): the n-th request replays the n-th
 * recording, whatever its path, so the statements run in the order they were recorded (the audit chain's
 * sequence numbers depend on it). A recording's statements must succeed as they did when recorded.
 */
export async function startFloorRoute(databaseFile: string, recordings: readonly RecordedStatement[][]): Promise<{ url: string; paths: string[]; file: string; close(): Promise<void> }> {
  const directory = mkdtempSync(join(tmpdir(), 'shijian-floor-'));
  const file = join(directory, 'floor.db');
  copyFileSync(databaseFile, file);
  const sqlite = new SqliteDatabase(file);
  applyPragmas(sqlite);
  // The server checkpoints in a worker thread, off the request path (sqlite-checkpointer.ts); the floor
  // does not checkpoint at all while it runs, the most that can be taken off a commit.
  sqlite.pragma('wal_autocheckpoint = 0');
  const prepared = new Map<string, SqliteDatabase.Statement>();
  for (const recording of recordings) {
    for (const { source } of recording) if (!prepared.has(source)) prepared.set(source, sqlite.prepare(source));
  }
  const replay = (recording: readonly RecordedStatement[]) => {
    for (const { source, method, args } of recording) prepared.get(source)![method](...args);
  };
  // Group commit as the server does it: requests that arrived while a batch ran go in the next batch.
  let next = 0;
  let queue: { resolve(): void; reject(error: unknown): void }[] = [];
  const batch = sqlite.transaction((size: number) => {
    for (let i = 0; i < size; i++) replay(recordings[next + i]!);
  });
  // Synchronous, so nothing joins the queue while it runs: what arrives meanwhile waits for the next drain.
  const drain = () => {
    const waiting = queue;
    queue = [];
    try {
      batch(waiting.length);
      next += waiting.length;
      for (const request of waiting) request.resolve();
    } catch (error) {
      for (const request of waiting) request.reject(error);
    }
  };
  const app = new Hono();
  app.post('/floor/:n', async (c) => {
    await c.req.json();
    if (next + queue.length >= recordings.length) return c.json({ ok: false }, 404);
    await new Promise<void>((resolve, reject) => {
      queue.push({ resolve, reject });
      if (queue.length === 1) setImmediate(drain);
    });
    return c.json({ ok: true });
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    paths: recordings.map((_, n) => `/floor/${n}`),
    file,
    close: () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          sqlite.close();
          rmSync(directory, { recursive: true, force: true });
          resolve();
        }),
      ),
  };
}
