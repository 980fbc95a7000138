import type { Kysely } from 'kysely';
import { definitionSchemas } from '../../runtime/schema/kinds';
import type { FormDefinition } from '../../runtime/schema/form';
import { findDefinition, findLatestPublished } from '../db/repositories/definition-repository';
import type { Database } from '../db/types';
import type { OrgFacts } from '../../runtime/workflow/types';
import type { WorkflowContext, WorkflowDefinition } from './port';

export type ServiceItemDurations = NonNullable<WorkflowContext['durations']>;
type FormLookup = (key: string, version?: number) => FormDefinition | undefined;

export interface CachedOrgFacts {
  facts: OrgFacts;
  path: string;
  teamIds: ReadonlySet<string>;
}

/**
 * Parsed published definitions, by kind/key@version. Safe to keep for the life of the process because a
 * published version never changes; a cache per database handle keeps tests on different databases apart.
 */
export class DefinitionCache {
  private readonly workflows = new Map<string, WorkflowDefinition>();
  /** The lookup over every published form; rebuilt after `invalidateForms`. */
  private forms: FormLookup | undefined;
  /** Bumped by `invalidateForms`, so a load that was running when a form was published is not kept. */
  private formsGeneration = 0;

  async workflow(db: Kysely<Database>, key: string, version?: number): Promise<WorkflowDefinition | undefined> {
    const cached = version === undefined ? undefined : this.workflows.get(`${key}@${version}`);
    if (cached !== undefined) return cached;
    const row = version === undefined ? await findLatestPublished(db, 'workflow', key) : await findDefinition(db, 'workflow', key, version);
    if (row === undefined || row.status === 'draft') return undefined;
    const parsed = definitionSchemas.workflow.parse(JSON.parse(row.body));
    this.workflows.set(`${key}@${row.version}`, parsed);
    return parsed;
  }

  /**
   * Every published form, loaded once, for the engine's synchronous form lookup. The same function is
   * handed out until a form is published, and it finds a form in one map lookup: a command looks up its
   * transition's form (latest version) on every call.
   */
  async formLookup(db: Kysely<Database>): Promise<FormLookup> {
    if (this.forms !== undefined) return this.forms;
    const generation = this.formsGeneration;
    const rows = await db.selectFrom('definitions').selectAll().where('kind', '=', 'form').where('status', '!=', 'draft').execute();
    const byVersion = new Map<string, FormDefinition>();
    const latest = new Map<string, FormDefinition>();
    for (const row of rows) {
      const parsed = definitionSchemas.form.safeParse(JSON.parse(row.body));
      if (!parsed.success) continue;
      byVersion.set(`${row.key}@${row.version}`, parsed.data);
      const newest = latest.get(row.key);
      if (newest === undefined || parsed.data.version > newest.version) latest.set(row.key, parsed.data);
    }
    const lookup: FormLookup = (key, version) => (version === undefined ? latest.get(key) : byVersion.get(`${key}@${version}`));
    if (generation === this.formsGeneration) this.forms = lookup;
    return lookup;
  }

  private readonly org = new Map<string, { value: CachedOrgFacts; until: number }>();

  /**
   * Org facts (ancestors, role holders) of a unit for a few seconds: the tree and role grants change
   * rarely, and a burst of commands at one station should not reload them each time. A grant takes
   * effect in commands within `orgFactsTtlMs`.
   */
  orgFacts(key: string, nowMs: number): CachedOrgFacts | undefined {
    const entry = this.org.get(key);
    return entry !== undefined && entry.until > nowMs ? entry.value : undefined;
  }

  rememberOrgFacts(key: string, value: CachedOrgFacts, nowMs: number): void {
    if (this.org.size > 5000) this.org.clear();
    this.org.set(key, { value, until: nowMs + this.orgFactsTtlMs });
  }

  constructor(private readonly orgFactsTtlMs = 5_000) {}

  private readonly slas = new Map<string, { value: ServiceItemDurations | undefined; until: number }>();

  /**
   * The SLA of the latest published version of a service item, as timer durations by key (undefined for an
   * unknown item or one without an SLA). Kept as long as org facts: a newly published SLA applies to the
   * timers that start `orgFactsTtlMs` after it at the latest; timers already running keep their due time.
   */
  async serviceItemSla(db: Kysely<Database>, key: string, nowMs: number): Promise<ServiceItemDurations | undefined> {
    const entry = this.slas.get(key);
    if (entry !== undefined && entry.until > nowMs) return entry.value;
    const row = await findLatestPublished(db, 'serviceItem', key);
    const parsed = row === undefined ? undefined : definitionSchemas.serviceItem.safeParse(JSON.parse(row.body));
    const value = parsed?.success === true ? parsed.data.sla : undefined;
    if (this.slas.size > 5000) this.slas.clear();
    this.slas.set(key, { value, until: nowMs + this.orgFactsTtlMs });
    return value;
  }

  /** A newly published form must be visible to the next command. */
  invalidateForms(): void {
    this.forms = undefined;
    this.formsGeneration += 1;
  }
}
