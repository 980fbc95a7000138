/**
 * `npm run shijian -- backup` copies a live SQLite database while the real server keeps taking commands;
 * `restore` refuses a damaged copy and brings back an intact one that passes every integrity check.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/connection';
import { PROCESS_DIALECTS } from './support/databases';
import { checkIntegrity, isIntact } from '../../server/cli/integrity';
import { openSqlite } from '../../server/db/dialects/sqlite';
import { png } from '../security/support';
import { signInActors, type Ack } from './support/load';
import { runCli, startServerProcess } from './support/server-process';

describe('backup and restore (SQLite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shijian-backup-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('backs up while serving, verifies the copy, refuses a damaged one, and restores an intact database', { timeout: 120_000 }, async () => {
    const live = join(dir, 'live', 'shijian.db');
    const server = await startServerProcess(`file:${live}`);
    try {
      const actors = await signInActors(server.baseUrl);
      const upload = await actors.stationAdmin.post<{ id: string; sha256: string }>(`/api/attachments?orgUnitId=${actors.station}`, undefined, { raw: png, headers: { 'content-type': 'image/png' } });
      expect(upload.status).toBe(201);
      const acked: Ack[] = [];
      let stop = false;
      // Orders keep arriving during the whole backup.
      const load = (async () => {
        for (let i = 0; i < 400 && !stop; i++) {
          const order = await actors.resident.post<Ack>('/api/instances', { workflow: 'five-order', orgUnitId: actors.station, data: { description: `备份期间的订单 ${i}` } });
          expect(order.status).toBe(201);
          acked.push(order.body);
        }
      })();
      while (acked.length < 5) await new Promise((r) => setTimeout(r, 20));
      const ackedBeforeBackup = acked.map((a) => a.id);
      const backupFile = join(dir, 'backup.db');
      const backup = await runCli(['backup', backupFile], { DATABASE_URL: `file:${live}` });
      const ackedDuringBackup = acked.length - ackedBeforeBackup.length;
      stop = true;
      await load;
      expect(backup.code, backup.output).toBe(0);
      expect(backup.output).toMatch(/intact/);
      expect(ackedDuringBackup).toBeGreaterThan(0);

      // Everything acknowledged before the backup started is in it.
      const copy = new SqliteDatabase(backupFile, { readonly: true });
      const inCopy = new Set((copy.prepare('select id from workflow_instances').all() as { id: string }[]).map((r) => r.id));
      copy.close();
      for (const id of ackedBeforeBackup) expect(inCopy.has(id)).toBe(true);

      // A damaged copy (one audit row rewritten) is refused and replaces nothing.
      const damaged = join(dir, 'damaged.db');
      expect((await runCli(['backup', damaged], { DATABASE_URL: `file:${live}` })).code).toBe(0);
      const tamper = new SqliteDatabase(damaged);
      tamper.prepare("update audit_log set actor_id = 'intruder' where seq = (select max(seq) / 2 from audit_log)").run();
      tamper.close();
      const target = join(dir, 'restored', 'shijian.db');
      const refused = await runCli(['restore', damaged], { DATABASE_URL: `file:${target}` });
      expect(refused.code).toBe(1);
      expect(refused.output).toMatch(/DAMAGED/);

      const restored = await runCli(['restore', backupFile], { DATABASE_URL: `file:${target}` });
      expect(restored.code, restored.output).toBe(0);
      const handle = openSqlite(target);
      try {
        const report = await checkIntegrity(handle);
        expect(report).toMatchObject({ engineCheck: 'ok', auditBrokenAt: null, inconsistent: [] });
        expect(isIntact(report)).toBe(true);
        expect(report.instances).toBeGreaterThanOrEqual(inCopy.size);
      } finally {
        await handle.close();
      }
      // Restoring over an existing database needs --force (the operator stopped the server).
      expect((await runCli(['restore', backupFile], { DATABASE_URL: `file:${target}` })).code).toBe(1);

      // The restored copy serves: the same orders and the attachment's bytes.
      const second = await startServerProcess(`file:${target}`);
      try {
        const again = await signInActors(second.baseUrl);
        const order = await again.resident.get<Ack>(`/api/instances/${ackedBeforeBackup[0]}`);
        expect(order.status).toBe(200);
        const file = await again.stationAdmin.get(`/api/attachments/${upload.body.id}`);
        expect(file.status).toBe(200);
      } finally {
        await second.stop();
      }
    } finally {
      await server.stop();
    }
  });
});

describe('backup and restore (PostgreSQL, pg_dump / pg_restore)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shijian-pg-backup-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('dumps a serving database and restores it into an empty one that passes every check', { timeout: 120_000 }, async () => {
    const postgres = PROCESS_DIALECTS.find((d) => d.name === 'postgres')!;
    const source = await postgres.create();
    const target = await postgres.create();
    const server = await startServerProcess(source.url, source.env);
    try {
      const actors = await signInActors(server.baseUrl);
      const ids: string[] = [];
      for (let i = 0; i < 10; i++) ids.push((await actors.resident.post<Ack>('/api/instances', { workflow: 'five-order', orgUnitId: actors.station, data: { description: `备份 ${i}` } })).body.id);
      const file = join(dir, 'shijian.dump');
      const backup = await runCli(['backup', file], { DATABASE_URL: source.url });
      expect(backup.code, backup.output).toBe(0);
      const restored = await runCli(['restore', file], { DATABASE_URL: target.url });
      expect(restored.code, restored.output).toBe(0);
      expect(restored.output).toMatch(/intact/);
      const handle = openDatabase(target.url);
      try {
        const report = await checkIntegrity(handle);
        expect(report).toMatchObject({ engineCheck: null, auditBrokenAt: null, inconsistent: [] });
        const present = await handle.db.selectFrom('workflow_instances').select('id').where('id', 'in', ids).execute();
        expect(present).toHaveLength(ids.length);
      } finally {
        await handle.close();
      }
    } finally {
      await server.stop();
      await source.destroy();
      await target.destroy();
    }
  });
});
