import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const adminUrl = process.env.SHIJIAN_TEST_PG_ADMIN ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A database for server processes: a fresh SQLite file or a fresh PostgreSQL database, removed after. */
export interface ProcessDatabase {
  name: 'sqlite' | 'postgres';
  url: string;
  /** Attachments folder for PostgreSQL servers (SQLite keeps them beside the file). */
  env: Record<string, string>;
  destroy(): Promise<void>;
}

export const PROCESS_DIALECTS: readonly { name: 'sqlite' | 'postgres'; create(): Promise<ProcessDatabase> }[] = [
  {
    name: 'sqlite',
    async create() {
      const dir = mkdtempSync(join(tmpdir(), 'shijian-proc-'));
      return { name: 'sqlite', url: `file:${join(dir, 'shijian.db')}`, env: {}, destroy: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'postgres',
    async create() {
      const name = `shijian_proc_${Math.random().toString(36).slice(2, 10)}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const dir = mkdtempSync(join(tmpdir(), 'shijian-proc-pg-'));
      return {
        name: 'postgres',
        url: adminUrl.replace(/\/[^/]*$/, `/${name}`),
        env: { SHIJIAN_DATA_DIR: dir },
        async destroy() {
          const client = new pg.Client({ connectionString: adminUrl });
          await client.connect();
          await client.query(`drop database if exists ${name} with (force)`);
          await client.end();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
];
