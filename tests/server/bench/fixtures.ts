/**
 * Data for the server benchmarks: a seeded server on a SQLite file, orders cloned in bulk from one real
 * order, and a bare Hono baseline doing the same kind of transaction as a command.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import SqliteDatabase from 'better-sqlite3';
import { Hono } from 'hono';
import type { Insertable, Kysely } from 'kysely';
import type { Actor } from '../../../server/auth/actor';
import { loadActor } from '../../../server/auth/sessions';
import { insertMany } from '../../../server/db/bulk';
import { applyPragmas } from '../../../server/db/dialects/sqlite';
import type { Database, HistoryTable, TaskTable, TimerTable, WorkflowInstanceTable } from '../../../server/db/types';
import { newId } from '../../../server/util/ids';

/** The demo user `username` as the server sees a signed-in person (memberships and roles loaded). */
export async function actorNamed(db: Kysely<Database>, username: string): Promise<Actor> {
  const row = await db.selectFrom('users').select(['id', 'username', 'display_name']).where('username', '=', username).executeTakeFirstOrThrow();
  return loadActor(db, row.id, row.username, row.display_name);
}

/** Copies an instance (row, history, open tasks, pending timers) `count` times with fresh ids. */
export async function cloneInstance(db: Kysely<Database>, templateId: string, count: number): Promise<string[]> {
  const row = await db.selectFrom('workflow_instances').selectAll().where('id', '=', templateId).executeTakeFirstOrThrow();
  const history = await db.selectFrom('history').selectAll().where('instance_id', '=', templateId).execute();
  const tasks = await db.selectFrom('tasks').selectAll().where('instance_id', '=', templateId).where('status', '=', 'open').execute();
  const timers = await db.selectFrom('timers').selectAll().where('instance_id', '=', templateId).where('fired_at', 'is', null).where('cancelled_at', 'is', null).execute();
  const ids: string[] = [];
  const rows: Insertable<WorkflowInstanceTable>[] = [];
  const historyRows: Insertable<HistoryTable>[] = [];
  const taskRows: Insertable<TaskTable>[] = [];
  const timerRows: Insertable<TimerTable>[] = [];
  for (let i = 0; i < count; i++) {
    const id = newId();
    ids.push(id);
    rows.push({ ...row, id, snapshot: row.snapshot.replace(templateId, id) });
    for (const entry of history) historyRows.push({ ...entry, instance_id: id });
    for (const task of tasks) taskRows.push({ ...task, id: newId(), instance_id: id });
    for (const timer of timers) timerRows.push({ ...timer, id: newId(), instance_id: id });
  }
  await db.transaction().execute(async (trx) => {
    await insertMany(trx, 'workflow_instances', rows);
    await insertMany(trx, 'history', historyRows);
    await insertMany(trx, 'tasks', taskRows);
    await insertMany(trx, 'timers', timerRows);
  });
  return ids;
}

/**
 * Copies a finished order (row, history, every task) `count` times, clone i moved `i % spreadDays` days
 * into the past, so that the copies spread evenly over `spreadDays` as a district's orders would.
 */
export async function cloneFinishedOrders(db: Kysely<Database>, templateId: string, count: number, spreadDays: number): Promise<void> {
  const row = await db.selectFrom('workflow_instances').selectAll().where('id', '=', templateId).executeTakeFirstOrThrow();
  const history = await db.selectFrom('history').selectAll().where('instance_id', '=', templateId).execute();
  const tasks = await db.selectFrom('tasks').selectAll().where('instance_id', '=', templateId).execute();
  const back = (at: string | null, days: number) => (at === null ? null : new Date(Date.parse(at) - days * 86_400_000).toISOString());
  const chunk = 5_000;
  for (let from = 0; from < count; from += chunk) {
    const rows: Insertable<WorkflowInstanceTable>[] = [];
    const historyRows: Insertable<HistoryTable>[] = [];
    const taskRows: Insertable<TaskTable>[] = [];
    for (let i = from; i < Math.min(count, from + chunk); i++) {
      const id = newId();
      const days = i % spreadDays;
      rows.push({ ...row, id, snapshot: row.snapshot.replace(templateId, id), created_at: back(row.created_at, days)!, updated_at: back(row.updated_at, days)! });
      for (const entry of history) historyRows.push({ ...entry, instance_id: id, at: back(entry.at, days)! });
      for (const task of tasks) taskRows.push({ ...task, id: newId(), instance_id: id, created_at: back(task.created_at, days)!, closed_at: back(task.closed_at, days), due_at: back(task.due_at, days) });
    }
    await db.transaction().execute(async (trx) => {
      await insertMany(trx, 'workflow_instances', rows);
      await insertMany(trx, 'history', historyRows);
      await insertMany(trx, 'tasks', taskRows);
    });
  }
}

/**
 * The baseline: a bare Hono route on its own SQLite file (same pragmas as the server) doing one
 * transaction of SELECT + version-checked UPDATE + two INSERTs with better-sqlite3 directly.
 */
export async function startBareBaseline(): Promise<{ url: string; paths: string[]; close(): Promise<void> }> {
  const sqlite = new SqliteDatabase(join(mkdtempSync(join(tmpdir(), 'shijian-bare-')), 'bare.db'));
  applyPragmas(sqlite);
  sqlite.exec('create table items (id text primary key, state text not null, version integer not null); create table events (id text primary key, item_id text not null, at text not null); create table outbox (id text primary key, item_id text not null, payload text not null)');
  const insertItem = sqlite.prepare('insert into items (id, state, version) values (?, ?, 1)');
  const ids: string[] = [];
  sqlite.transaction(() => {
    for (let i = 0; i < 1000; i++) {
      const id = newId();
      ids.push(id);
      insertItem.run(id, 'pending');
    }
  })();
  const select = sqlite.prepare('select id, state, version from items where id = ?');
  const update = sqlite.prepare('update items set state = ?, version = version + 1 where id = ? and version = ?');
  const insertEvent = sqlite.prepare('insert into events (id, item_id, at) values (?, ?, ?)');
  const insertOutbox = sqlite.prepare('insert into outbox (id, item_id, payload) values (?, ?, ?)');
  const command = sqlite.transaction((id: string) => {
    const item = select.get(id) as { version: number } | undefined;
    if (item === undefined) return false;
    const changed = update.run('dispatched', id, item.version).changes === 1;
    insertEvent.run(newId(), id, new Date().toISOString());
    insertOutbox.run(newId(), id, '{"type":"notify"}');
    return changed;
  });
  const app = new Hono();
  app.post('/bare/:id', async (c) => {
    await c.req.json();
    return command(c.req.param('id')) ? c.json({ ok: true }) : c.json({ ok: false }, 404);
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    paths: ids.map((id) => `/bare/${id}`),
    close: () => new Promise<void>((resolve) => server.close(() => { sqlite.close(); resolve(); })),
  };
}
