import { openDatabase } from '../db/connection';
import { checkIntegrity, isIntact, type IntegrityReport } from './integrity';
import type { CliCommand } from './main';

/** Prints the report; true when intact. */
export function printReport(label: string, report: IntegrityReport): boolean {
  const intact = isIntact(report);
  console.log(`[shijian] ${label}: ${intact ? 'intact' : 'DAMAGED'} — integrity_check ${report.engineCheck ?? 'n/a'}, audit ${report.auditRows} rows ${report.auditBrokenAt === null ? 'verified' : `broken at seq ${report.auditBrokenAt}`}, ${report.instances} instances, ${report.inconsistent.length} inconsistent`);
  for (const { id, reason } of report.inconsistent.slice(0, 20)) console.log(`  instance ${id}: ${reason}`);
  return intact;
}

export const verifyCommand: CliCommand = {
  usage: 'verify [file]          check a database (default: DATABASE_URL) or a backup file: integrity, audit chain, history replay',
  async run(args) {
    const url = args[0] === undefined ? process.env.DATABASE_URL : `file:${args[0]}`;
    const handle = openDatabase(url);
    try {
      return printReport(args[0] ?? 'database', await checkIntegrity(handle)) ? 0 : 1;
    } finally {
      await handle.close();
    }
  },
};
