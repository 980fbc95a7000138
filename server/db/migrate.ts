import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { DatabaseHandle } from './dialects/dialect';
import { initialMigration } from './migrations/0001-initial';
import { taskClaimsMigration } from './migrations/0002-task-claims';
import { assessmentsMigration } from './migrations/0100-assessments';
import { serviceRecordsMigration } from './migrations/0101-service-records';
import { webhooksMigration } from './migrations/0102-webhooks';
import { activityPlansMigration } from './migrations/0103-activity-plans';
import { notificationsMigration } from './migrations/0104-notifications';
import { pointsStoreMigration } from './migrations/0105-points-store';
import { needsAndWishesMigration } from './migrations/0106-needs-and-wishes';
import { pendingTimersIndexMigration } from './migrations/0107-pending-timers-index';
import { openTaskIndexesMigration } from './migrations/0108-open-task-indexes';
import { webhookFanoutPendingMigration } from './migrations/0109-webhook-fanout-pending';
import { teamFigureIndexesMigration } from './migrations/0110-team-figure-indexes';
import { outboxPendingIndexesMigration } from './migrations/0111-outbox-pending-indexes';
import { timerCreatedAtMigration } from './migrations/0112-timer-created-at';

/** Migrations in code (not read from a folder), so a bundled or tsx-run server finds them the same way. */
function provider(handle: DatabaseHandle): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return { '0001-initial': initialMigration(handle.capabilities), '0002-task-claims': taskClaimsMigration, '0100-assessments': assessmentsMigration, '0101-service-records': serviceRecordsMigration, '0102-webhooks': webhooksMigration, '0103-activity-plans': activityPlansMigration, '0104-notifications': notificationsMigration, '0105-points-store': pointsStoreMigration(handle.capabilities), '0106-needs-and-wishes': needsAndWishesMigration(handle.capabilities), '0107-pending-timers-index': pendingTimersIndexMigration, '0108-open-task-indexes': openTaskIndexesMigration, '0109-webhook-fanout-pending': webhookFanoutPendingMigration, '0110-team-figure-indexes': teamFigureIndexesMigration, '0111-outbox-pending-indexes': outboxPendingIndexesMigration(handle.capabilities), '0112-timer-created-at': timerCreatedAtMigration };
    },
  };
}

/** Brings the schema to the latest version; throws with the failing migration's name. */
export async function migrateToLatest(handle: DatabaseHandle): Promise<void> {
  await migrateTo(handle, undefined);
}

/** Brings the schema up or down to the named migration (the latest when undefined); throws like migrateToLatest. */
export async function migrateTo(handle: DatabaseHandle, name: string | undefined): Promise<void> {
  const migrator = new Migrator({ db: handle.db, provider: provider(handle) });
  const { error, results } = name === undefined ? await migrator.migrateToLatest() : await migrator.migrateTo(name);
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
