/**
 * The inbox as a server-side list (issue #8): filters, the order (overdue and soonest due first, undated
 * last, by id among equals; the same on SQLite and PostgreSQL), keyset pages that neither lose nor repeat
 * a task, and 400 problems for bad input. Task rows are written straight into the database (the way the
 * command path leaves them), so a test can hold hundreds of tasks with chosen due dates; the expected
 * list is worked out here, in plain code, from every open task in the database and the caller's roles.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../server/auth/actor';
import { teamIds } from '../../server/auth/actor';
import { loadActor } from '../../server/auth/sessions';
import { poolAnywhere } from '../../server/db/scope';
import { newId } from '../../server/util/ids';
import { signIn, type ApiClient } from './support/client';
import { DIALECTS, type TestDatabase } from './support/dialects';
import { startServer, TestClock, type RunningServer } from './support/server';

interface Task {
  id: string;
  instanceId: string;
  workflow: string;
  name: string;
  assigneeUserId: string | null;
  pool: { role: string; orgUnitId: string | null; teamId: string | null } | null;
  dueAt: string | null;
}
interface Page {
  items: Task[];
  nextCursor: string | null;
}
interface Problem {
  type: string;
  errors?: { pointer: string }[];
}

interface Filter {
  workflow?: string;
  state?: string;
  kind?: 'assigned' | 'pool';
  overdue?: boolean;
}

/** How a fixture task reaches (or does not reach) the caller. */
type Reach = 'assigned' | 'poolAtUnit' | 'poolAnywhere' | 'teamPool' | 'someoneElse' | 'closed';

interface Spec {
  reach: Reach;
  workflow: string;
  state: string;
  /** Hours from the test clock's now, or null for no due date. */
  dueInHours: number | null;
}

const NOW = Date.parse('2026-03-02T01:00:00.000Z');
const workflows = ['five-order', 'wish-wall', 'needs-survey'];
const states = ['submitted', 'dispatched', 'accepted'];

function query(filter: Filter, limit: number, cursor: string | null): string {
  const params = new URLSearchParams({ mine: '1', limit: String(limit) });
  if (filter.workflow) params.set('workflow', filter.workflow);
  if (filter.state) params.set('state', filter.state);
  if (filter.kind) params.set('kind', filter.kind);
  if (filter.overdue) params.set('overdue', '1');
  if (cursor !== null) params.set('cursor', cursor);
  return `/api/tasks?${params}`;
}

/** Every page, following nextCursor to the end. */
async function walk(client: ApiClient, filter: Filter, limit: number): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const response: { status: number; text: string; body: Page } = await client.get<Page>(query(filter, limit, cursor));
    expect(response.status, response.text).toBe(200);
    expect(response.body.items.length).toBeLessThanOrEqual(limit);
    // A cursor is handed out only when something follows it.
    if (response.body.nextCursor !== null) expect(response.body.items.length).toBe(limit);
    ids.push(...response.body.items.map((task) => task.id));
    cursor = response.body.nextCursor;
    pages++;
    if (pages > 1000) throw new Error('the cursor never ends');
  } while (cursor !== null);
  return { ids, pages };
}

describe.each(DIALECTS)('inbox pages on $name', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  let client: ApiClient;
  let actor: Actor;
  let other: string;
  const inserted: { tasks: string[]; instances: string[] } = { tasks: [], instances: [] };

  beforeAll(async () => {
    database = await dialect.create();
    server = await startServer(database.handle, { clock: new TestClock(NOW), engine: false });
    const db = database.handle.db;
    const user = await db.selectFrom('users').select(['id', 'username', 'display_name']).where('username', '=', 'team.leader').executeTakeFirstOrThrow();
    actor = await loadActor(db, user.id, user.username, user.display_name);
    other = (await db.selectFrom('users').select('id').where('username', '=', 'volunteer1').executeTakeFirstOrThrow()).id;
    client = await signIn(server.baseUrl, 'team.leader');
  });
  afterAll(async () => {
    await server.close();
    await database.destroy();
  });

  async function insert(specs: readonly Spec[]): Promise<void> {
    const db = database.handle.db;
    const unit = await db.selectFrom('org_units').select(['id', 'path']).where('id', '=', actor.memberships[0]!.orgUnitId).executeTakeFirstOrThrow();
    const membership = actor.memberships[0]!;
    const team = teamIds(actor)[0] ?? null;
    const created = new Date(NOW - 86_400_000).toISOString();
    const instances = specs.map((spec) => ({
      id: newId(),
      definition_key: spec.workflow,
      definition_version: 1,
      org_unit_id: unit.id,
      org_path: unit.path,
      state: spec.state,
      status: 'active',
      snapshot: '{}',
      data: '{}',
      created_by: other,
      created_at: created,
      updated_at: created,
      version: 1,
    }));
    const tasks = specs.map((spec, i) => {
      const reach = spec.reach === 'teamPool' && team === null ? 'poolAtUnit' : spec.reach;
      return {
        id: newId(),
        instance_id: instances[i]!.id,
        org_path: unit.path,
        name: spec.state,
        assignee_user_id: reach === 'assigned' || reach === 'closed' ? actor.userId : reach === 'someoneElse' ? other : null,
        pool_role: reach.startsWith('pool') || reach === 'teamPool' ? membership.role : null,
        pool_org_unit_id: reach === 'poolAtUnit' ? membership.orgUnitId : reach === 'poolAnywhere' ? poolAnywhere : null,
        pool_team_id: reach === 'teamPool' ? team : null,
        status: reach === 'closed' ? ('done' as const) : ('open' as const),
        claimed_by: null,
        due_at: spec.dueInHours === null ? null : new Date(NOW + spec.dueInHours * 3_600_000).toISOString(),
        created_at: created,
        closed_at: reach === 'closed' ? created : null,
        version: 1,
      };
    });
    for (let i = 0; i < specs.length; i += 200) {
      await db.insertInto('workflow_instances').values(instances.slice(i, i + 200)).execute();
      await db.insertInto('tasks').values(tasks.slice(i, i + 200)).execute();
    }
    inserted.tasks.push(...tasks.map((task) => task.id));
    inserted.instances.push(...instances.map((instance) => instance.id));
  }

  async function clear(): Promise<void> {
    const db = database.handle.db;
    for (let i = 0; i < inserted.tasks.length; i += 500) await db.deleteFrom('tasks').where('id', 'in', inserted.tasks.slice(i, i + 500)).execute();
    for (let i = 0; i < inserted.instances.length; i += 500) await db.deleteFrom('workflow_instances').where('id', 'in', inserted.instances.slice(i, i + 500)).execute();
    inserted.tasks = [];
    inserted.instances = [];
  }

  /** The inbox worked out in plain code from every open task and the caller's roles and teams. */
  async function expected(filter: Filter): Promise<string[]> {
    const rows = await database.handle.db
      .selectFrom('tasks')
      .innerJoin('workflow_instances', 'workflow_instances.id', 'tasks.instance_id')
      .select(['tasks.id', 'tasks.name', 'tasks.status', 'tasks.assignee_user_id', 'tasks.claimed_by', 'tasks.pool_role', 'tasks.pool_org_unit_id', 'tasks.pool_team_id', 'tasks.due_at', 'workflow_instances.definition_key'])
      .execute();
    const teams = new Set(teamIds(actor));
    const roles = new Set(actor.memberships.map((m) => m.role));
    const personal = (row: (typeof rows)[number]) => row.assignee_user_id === actor.userId || row.claimed_by === actor.userId;
    const pooled = (row: (typeof rows)[number]) =>
      (row.pool_role !== null && actor.memberships.some((m) => m.orgUnitId === row.pool_org_unit_id && m.role === row.pool_role)) ||
      (row.pool_org_unit_id === poolAnywhere && row.pool_role !== null && roles.has(row.pool_role as never)) ||
      (row.pool_team_id !== null && teams.has(row.pool_team_id));
    const now = new Date(NOW).toISOString();
    return rows
      .filter((row) => row.status === 'open')
      .filter((row) => (filter.kind === 'assigned' ? personal(row) : filter.kind === 'pool' ? pooled(row) : personal(row) || pooled(row)))
      .filter((row) => (!filter.workflow || row.definition_key === filter.workflow) && (!filter.state || row.name === filter.state))
      .filter((row) => !filter.overdue || (row.due_at !== null && row.due_at < now))
      .sort((a, b) => (a.due_at === null ? 1 : 0) - (b.due_at === null ? 1 : 0) || (a.due_at ?? '').localeCompare(b.due_at ?? '') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((row) => row.id);
  }

  it('lists overdue, then soonest due, then undated tasks, by id among equals, and hides others and closed ones', async () => {
    await clear();
    const specs: Spec[] = [];
    const reaches: Reach[] = ['assigned', 'poolAtUnit', 'poolAnywhere', 'teamPool', 'someoneElse', 'closed'];
    // Every reach × step × workflow, with due dates past, near, later and none.
    for (let i = 0; i < 108; i++) specs.push({ reach: reaches[i % 6]!, state: states[Math.floor(i / 6) % 3]!, workflow: workflows[Math.floor(i / 18) % 3]!, dueInHours: i % 4 === 0 ? null : i % 5 === 0 ? 5 : (i % 9) - 4 });
    await insert(specs);
    const response = await client.get<Page>(query({}, 200, null));
    expect(response.status).toBe(200);
    const items = response.body.items;
    expect(items.map((task) => task.id)).toEqual(await expected({}));
    expect(items.length).toBeGreaterThan(10);
    // Undated ones come last on both dialects (SQLite would sort NULL first), and some of each are there.
    const firstUndated = items.findIndex((task) => task.dueAt === null);
    expect(firstUndated).toBeGreaterThan(0);
    expect(items.slice(firstUndated).every((task) => task.dueAt === null)).toBe(true);
    expect(items[0]!.dueAt! < new Date(NOW).toISOString()).toBe(true);
    const mine = new Set(inserted.tasks);
    expect(items.every((task) => !mine.has(task.id) || task.assigneeUserId === actor.userId || task.pool !== null)).toBe(true);
    expect(response.body.nextCursor).toBeNull();
  });

  it('filters by workflow, step, kind and overdue, each alone and together', async () => {
    const filters: Filter[] = [
      { workflow: 'wish-wall' },
      { state: 'dispatched' },
      { kind: 'assigned' },
      { kind: 'pool' },
      { overdue: true },
      { workflow: 'five-order', state: 'submitted', kind: 'pool' },
      { workflow: 'needs-survey', overdue: true, kind: 'assigned' },
      { workflow: 'no-such-workflow' },
    ];
    for (const filter of filters) {
      const want = await expected(filter);
      const response = await client.get<Page>(query(filter, 200, null));
      expect(response.status).toBe(200);
      expect(response.body.items.map((task) => task.id), JSON.stringify(filter)).toEqual(want);
      for (const task of response.body.items) {
        if (filter.workflow) expect(task.workflow).toBe(filter.workflow);
        if (filter.kind) expect(task.pool !== null).toBe(filter.kind === 'pool');
        if (filter.overdue) expect(Date.parse(task.dueAt!)).toBeLessThan(NOW);
      }
      if (filter.workflow !== 'no-such-workflow') expect(want.length, JSON.stringify(filter)).toBeGreaterThan(0);
    }
  });

  it('pages through many tasks with the same due date without losing or repeating one', async () => {
    await clear();
    // 150 tasks due at the same instant (ties broken by id), 40 undated, across the branches.
    const specs: Spec[] = [];
    for (let i = 0; i < 190; i++) specs.push({ reach: (['assigned', 'poolAtUnit', 'teamPool'] as const)[i % 3]!, workflow: 'five-order', state: 'submitted', dueInHours: i < 150 ? 2 : null });
    await insert(specs);
    const want = await expected({});
    for (const limit of [1, 7, 50, 149, 150, 151, 200]) {
      const { ids, pages } = await walk(client, {}, limit);
      expect(ids, `limit ${limit}`).toEqual(want);
      expect(pages).toBe(Math.max(1, Math.ceil(want.length / limit)));
    }
  });

  it('walks every page of any set of tasks in order, whatever the filter and page size (property)', async () => {
    const spec = fc.record({
      reach: fc.constantFrom<Reach>('assigned', 'poolAtUnit', 'poolAnywhere', 'teamPool', 'someoneElse', 'closed'),
      workflow: fc.constantFrom(...workflows),
      state: fc.constantFrom(...states),
      dueInHours: fc.option(fc.integer({ min: -5, max: 5 }), { nil: null, freq: 3 }),
    });
    const filter = fc.record(
      { workflow: fc.constantFrom(...workflows), state: fc.constantFrom(...states), kind: fc.constantFrom<'assigned' | 'pool'>('assigned', 'pool'), overdue: fc.constant(true) },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(spec, { maxLength: 40 }), filter, fc.integer({ min: 1, max: 9 }), async (specs, chosen, limit) => {
        await clear();
        await insert(specs);
        const { ids } = await walk(client, chosen, limit);
        expect(ids).toEqual(await expected(chosen));
      }),
      { numRuns: 25 },
    );
  });

  it('refuses bad input with 400 problems that point at the parameter, and changes nothing', async () => {
    const bad: [string, string][] = [
      ['/api/tasks?mine=1&kind=mine', '/query/kind'],
      ['/api/tasks?mine=1&limit=0', '/query/limit'],
      ['/api/tasks?mine=1&limit=201', '/query/limit'],
      ['/api/tasks?mine=1&limit=ten', '/query/limit'],
      ['/api/tasks?mine=1&overdue=yes', '/query/overdue'],
      ['/api/tasks?mine=1&cursor=not*a*cursor', '/query/cursor'],
      [`/api/tasks?mine=1&cursor=${Buffer.from('{"dueAt":1}').toString('base64url')}`, '/query/cursor'],
      [`/api/tasks?mine=1&cursor=${Buffer.from('[5,"x"]').toString('base64url')}`, '/query/cursor'],
      [`/api/tasks?mine=1&cursor=${Buffer.from('[null,""]').toString('base64url')}`, '/query/cursor'],
      ['/api/tasks?mine=1&cursor=', '/query/cursor'],
    ];
    const before = await client.get<Page>(query({}, 200, null));
    for (const [path, pointer] of bad) {
      const response = await client.get<Problem>(path);
      expect(response.status, path).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.errors?.map((error) => error.pointer), path).toContain(pointer);
    }
    expect((await client.get<Page>(query({}, 200, null))).body).toEqual(before.body);
  });
});
