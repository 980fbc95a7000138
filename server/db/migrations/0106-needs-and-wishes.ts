import { sql, type ColumnDefinitionBuilder, type Kysely, type Migration } from 'kysely';
import type { DialectCapabilities } from '../dialects/dialect';

/**
 * Needs collection (问需 surveys and their answers), proposals that turn a cluster of needs into a menu item
 * (制单) with the link back to the needs, and the wish wall (心愿墙). The aggregation keys of an answer
 * (category, target group, urgency) are columns, so results group with plain SQL on both dialects.
 */
export function needsAndWishesMigration(capabilities: DialectCapabilities): Migration {
  const collate = capabilities.binaryCollation === null ? undefined : sql.raw(capabilities.binaryCollation);
  const path = (c: ColumnDefinitionBuilder) => (collate ? c.notNull().modifyEnd(collate) : c.notNull());
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('needs_surveys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('form_key', 'text', (c) => c.notNull())
        .addColumn('form_version', 'integer', (c) => c.notNull())
        .addColumn('owner_org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
        .addColumn('owner_org_path', 'text', path)
        .addColumn('opens_at', 'text', (c) => c.notNull())
        .addColumn('closes_at', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('needs_surveys_owner').on('needs_surveys').columns(['owner_org_path', 'closes_at']).execute();
      await db.schema
        .createTable('needs_survey_targets')
        .addColumn('survey_id', 'text', (c) => c.notNull().references('needs_surveys.id'))
        .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
        .addColumn('org_path', 'text', path)
        .addPrimaryKeyConstraint('needs_survey_targets_pk', ['survey_id', 'org_unit_id'])
        .execute();
      await db.schema.createIndex('needs_survey_targets_path').on('needs_survey_targets').columns(['org_path']).execute();
      await db.schema
        .createTable('needs_responses')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('survey_id', 'text', (c) => c.notNull().references('needs_surveys.id'))
        .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
        .addColumn('org_path', 'text', path)
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('target_group', 'text', (c) => c.notNull())
        .addColumn('urgency', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('answered_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('on_behalf_of', 'text')
        .addColumn('answered_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('needs_responses_survey').on('needs_responses').columns(['survey_id', 'category', 'org_unit_id', 'target_group']).execute();
      await db.schema
        .createTable('need_proposals')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('survey_id', 'text', (c) => c.references('needs_surveys.id'))
        .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
        .addColumn('org_path', 'text', path)
        .addColumn('instance_id', 'text', (c) => c.notNull().unique())
        .addColumn('item', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('service_item_key', 'text', (c) => c.notNull())
        .addColumn('service_item_version', 'integer')
        .addColumn('failure', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('published_at', 'text')
        .addColumn('version', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('need_proposals_item').on('need_proposals').columns(['service_item_key', 'status']).execute();
      await db.schema
        .createTable('need_proposal_responses')
        .addColumn('proposal_id', 'text', (c) => c.notNull().references('need_proposals.id'))
        .addColumn('response_id', 'text', (c) => c.notNull().references('needs_responses.id'))
        .addPrimaryKeyConstraint('need_proposal_responses_pk', ['proposal_id', 'response_id'])
        .execute();
      await db.schema
        .createTable('wishes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
        .addColumn('org_path', 'text', path)
        .addColumn('requester_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('posted_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('photos', 'text', (c) => c.notNull())
        .addColumn('category', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('claimed_team_id', 'text')
        .addColumn('claimed_by', 'text')
        .addColumn('claimed_at', 'text')
        .addColumn('instance_id', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('wishes_path').on('wishes').columns(['org_path', 'status']).execute();
    },
  };
}
