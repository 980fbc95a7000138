import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { openSqlite } from '../db/dialects/sqlite';
import { databaseTarget } from './database-url';
import { checkIntegrity } from './integrity';
import type { CliCommand } from './main';
import { printReport } from './verify';

/** Attachments live beside the database as files named by SHA-256; a backup carries them in `<file>.attachments/`. */
export const attachmentsBeside = (databaseFile: string) => join(dirname(databaseFile), 'attachments');
export const attachmentsOfBackup = (backupFile: string) => `${backupFile}.attachments`;

export const backupCommand: CliCommand = {
  usage: 'backup <file>          SQLite: online copy while the server runs, then verified; PostgreSQL: pg_dump -Fc',
  async run(args) {
    const destination = args[0];
    if (destination === undefined) throw new Error('backup needs a destination file');
    const target = databaseTarget();
    if (target.kind === 'postgres') return pgTool('pg_dump', ['--format=custom', `--file=${resolve(destination)}`, target.url]);
    if (!existsSync(target.file)) throw new Error(`no database at ${target.file}`);
    const output = resolve(destination);
    const partial = `${output}.partial`;
    rmSync(partial, { force: true });
    // SQLite's online backup API copies a consistent snapshot page by page while the server keeps writing:
    // it restarts a step only if the source changed under it, and never blocks writers for long.
    const source = new SqliteDatabase(target.file, { fileMustExist: true });
    try {
      await source.backup(partial);
    } finally {
      source.close();
    }
    renameSync(partial, output);
    // Content-addressed files never change, so copying after the snapshot loses none the snapshot names.
    if (existsSync(attachmentsBeside(target.file))) cpSync(attachmentsBeside(target.file), attachmentsOfBackup(output), { recursive: true, force: false });
    const copy = openSqlite(output);
    try {
      return printReport(`backup ${output}`, await checkIntegrity(copy)) ? 0 : 1;
    } finally {
      await copy.close();
    }
  },
};

/** Runs pg_dump/pg_restore, or says how when they are not installed. */
export function pgTool(tool: 'pg_dump' | 'pg_restore', args: string[]): number {
  const result = spawnSync(tool, args, { stdio: 'inherit' });
  if (result.error !== undefined) {
    console.error(`[shijian] ${tool} is not installed here; run on a machine with the PostgreSQL client tools:\n  ${tool} ${args.join(' ')}`);
    return 2;
  }
  return result.status ?? 1;
}
