import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseHandle } from '../../../server/db/dialects/dialect';
import { openPostgres } from '../../../server/db/dialects/postgres';
import { openSqlite } from '../../../server/db/dialects/sqlite';

export interface TestDatabase {
  handle: DatabaseHandle;
  /** Reopens the same database (a server restart). */
  reopen(): DatabaseHandle;
  /** Closes every handle and deletes the file or drops the database. */
  destroy(): Promise<void>;
}

export interface DialectUnderTest {
  name: 'sqlite' | 'postgres';
  create(): Promise<TestDatabase>;
}

const adminUrl = process.env.SHIJIAN_TEST_PG_ADMIN ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Every API and repository suite runs once per entry: a SQLite file on disk and a fresh PostgreSQL database. */
export const DIALECTS: readonly DialectUnderTest[] = [
  {
    name: 'sqlite',
    async create() {
      const dir = mkdtempSync(join(tmpdir(), 'shijian-test-'));
      const file = join(dir, 'test.db');
      const handles: DatabaseHandle[] = [];
      const open = () => {
        const handle = openSqlite(file);
        handles.push(handle);
        return handle;
      };
      return {
        handle: open(),
        reopen: open,
        async destroy() {
          for (const handle of handles) await handle.close().catch(() => {});
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'postgres',
    async create() {
      const name = `shijian_test_${Math.random().toString(36).slice(2, 10)}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = adminUrl.replace(/\/[^/]*$/, `/${name}`);
      const dataDir = mkdtempSync(join(tmpdir(), 'shijian-test-pg-'));
      const handles: DatabaseHandle[] = [];
      const open = () => {
        const handle = openPostgres(url, dataDir);
        handles.push(handle);
        return handle;
      };
      return {
        handle: open(),
        reopen: open,
        async destroy() {
          for (const handle of handles) await handle.close().catch(() => {});
          const client = new pg.Client({ connectionString: adminUrl });
          await client.connect();
          await client.query(`drop database if exists ${name} with (force)`);
          await client.end();
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
  },
];
