import { cpSync, existsSync, renameSync, rmSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { openDatabase } from '../db/connection';
import { openSqlite } from '../db/dialects/sqlite';
import { attachmentsBeside, attachmentsOfBackup, pgTool } from './backup';
import { databaseTarget } from './database-url';
import { checkIntegrity } from './integrity';
import type { CliCommand } from './main';
import { printReport } from './verify';

export const restoreCommand: CliCommand = {
  usage: 'restore <file> [--force]  stop the server first; verifies the backup, then replaces DATABASE_URL with it',
  async run(args) {
    const file = args.find((arg) => !arg.startsWith('--'));
    const force = args.includes('--force');
    if (file === undefined) throw new Error('restore needs a backup file');
    const target = databaseTarget();
    if (target.kind === 'postgres') {
      const code = pgTool('pg_restore', ['--clean', '--if-exists', '--no-owner', `--dbname=${target.url}`, resolve(file)]);
      if (code !== 0) return code;
      const handle = openDatabase(target.url);
      try {
        return printReport('restored database', await checkIntegrity(handle)) ? 0 : 1;
      } finally {
        await handle.close();
      }
    }
    const backup = resolve(file);
    if (!existsSync(backup)) throw new Error(`no backup at ${backup}`);
    // A damaged backup must not replace a working database: check it before touching anything.
    const source = openSqlite(backup);
    try {
      if (!printReport(`backup ${backup}`, await checkIntegrity(source))) return 1;
    } finally {
      await source.close();
    }
    if (existsSync(target.file) && !force) throw new Error(`${target.file} exists; stop the server and pass --force to replace it`);
    mkdirSync(dirname(target.file), { recursive: true });
    const partial = `${target.file}.restoring`;
    rmSync(partial, { force: true });
    const reader = new SqliteDatabase(backup, { fileMustExist: true });
    try {
      await reader.backup(partial);
    } finally {
      reader.close();
    }
    // The old WAL belongs to the old file; left beside the new one SQLite would replay it into the restore.
    for (const suffix of ['-wal', '-shm']) rmSync(`${target.file}${suffix}`, { force: true });
    renameSync(partial, target.file);
    if (existsSync(attachmentsOfBackup(backup))) cpSync(attachmentsOfBackup(backup), attachmentsBeside(target.file), { recursive: true, force: false });
    const restored = openSqlite(target.file);
    try {
      return printReport(`restored ${target.file}`, await checkIntegrity(restored)) ? 0 : 1;
    } finally {
      await restored.close();
    }
  },
};
