import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The dispatch board's team figures (routes/teams/team-stats.ts) read windows of recent activity instead of
 * every five-order instance ever created: that scan took 1.4 s at 200,000 orders on SQLite, on the event
 * loop, each time a dispatch form opened, and grew with every order. Each index holds only the rows one
 * figure reads, so a command pays for an entry only when it writes such a row (a completion, a rating, a
 * task with a due time closing), and a team's leader resolves through an index instead of a scan of
 * `teams` per order. Queries must spell the predicates as literals for SQLite to prove an index applies.
 */
export const teamFigureIndexesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.createIndex('history_completed_at').on('history').column('at').where(sql<boolean>`event = 'complete'`).execute();
    await db.schema.createIndex('history_rated_at').on('history').column('at').where(sql<boolean>`event = 'rate'`).execute();
    await db.schema.createIndex('tasks_closed_due').on('tasks').column('closed_at').where(sql<boolean>`status = 'done' and due_at is not null`).execute();
    await db.schema.createIndex('teams_leader').on('teams').columns(['leader_user_id', 'id']).execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('teams_leader').execute();
    await db.schema.dropIndex('tasks_closed_due').execute();
    await db.schema.dropIndex('history_rated_at').execute();
    await db.schema.dropIndex('history_completed_at').execute();
  },
};
