import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type ApiClient } from '../support/client';
import { DIALECTS, type TestDatabase } from '../support/dialects';
import { startServer, type RunningServer } from '../support/server';
import { me } from './support';

interface Cell {
  category: string;
  orgUnitId: string;
  targetGroup: string;
  count: number;
  urgent: number;
}

const categories = ['medical-service', 'education-support', 'legal-service'] as const;
const groups = ['elderly', 'children', 'disabled'] as const;
const answerer = ['resident', 'proxy', 'station2'] as const;
const answers = fc.array(
  fc.record({ who: fc.constantFrom(...answerer), category: fc.constantFrom(...categories), targetGroup: fc.constantFrom(...groups), urgent: fc.boolean() }),
  { minLength: 0, maxLength: 10 },
);

describe.each(DIALECTS)('survey aggregation on $name', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  let institute: ApiClient;
  let stationAdmin: ApiClient;
  let clients: Record<(typeof answerer)[number], ApiClient>;
  let units: Record<(typeof answerer)[number], string>;

  beforeAll(async () => {
    database = await dialect.create();
    server = await startServer(database.handle, { engine: false });
    institute = await signIn(server.baseUrl, 'institute.admin');
    stationAdmin = await signIn(server.baseUrl, 'station.admin');
    clients = { resident: await signIn(server.baseUrl, 'resident1'), proxy: await signIn(server.baseUrl, 'proxy.orderer'), station2: await signIn(server.baseUrl, 'station.admin2') };
    units = { resident: (await me(clients.resident)).roles[0]!.orgUnitId, proxy: (await me(clients.proxy)).roles[0]!.orgUnitId, station2: (await me(clients.station2)).roles[0]!.orgUnitId };
  });
  afterAll(async () => {
    expect(server.errors).toEqual([]);
    await server.close();
    await database.destroy();
  });

  it('counts every answer once, in the cell of its category × unit × target group, and each admin only within their scope', async () => {
    await fc.assert(
      fc.asyncProperty(answers, async (list) => {
        const now = server.deps.clock().getTime();
        const survey = await institute.post<{ id: string }>('/api/needs/surveys', { title: '性质测试问需', targetUnitIds: [units.resident, units.station2], opensAt: new Date(now - 3_600_000).toISOString(), closesAt: new Date(now + 86_400_000).toISOString() });
        for (const answer of list) {
          const posted = await clients[answer.who].post(`/api/needs/surveys/${survey.body.id}/responses`, {
            data: { category: answer.category, targetGroup: answer.targetGroup, description: '需求说明', urgency: answer.urgent ? 'urgent' : 'normal' },
            ...(answer.who === 'resident' ? {} : { onBehalfOf: '群众' }),
          });
          expect(posted.status).toBe(201);
        }
        const expected = new Map<string, Cell>();
        for (const answer of list) {
          const orgUnitId = units[answer.who];
          const key = `${answer.category}|${orgUnitId}|${answer.targetGroup}`;
          const cell = expected.get(key) ?? { category: answer.category, orgUnitId, targetGroup: answer.targetGroup, count: 0, urgent: 0 };
          cell.count += 1;
          cell.urgent += answer.urgent ? 1 : 0;
          expected.set(key, cell);
        }
        const byKey = (cells: Cell[]) => Object.fromEntries(cells.map((c) => [`${c.category}|${c.orgUnitId}|${c.targetGroup}`, { count: c.count, urgent: c.urgent }]));
        const all = await institute.get<{ total: number; cells: Cell[] }>(`/api/needs/surveys/${survey.body.id}/aggregate`);
        expect(all.body.total).toBe(list.length);
        expect(byKey(all.body.cells)).toEqual(byKey([...expected.values()]));
        // Largest cells first.
        expect(all.body.cells.map((c) => c.count)).toEqual([...all.body.cells.map((c) => c.count)].sort((a, b) => b - a));
        const station = await stationAdmin.get<{ total: number; cells: Cell[] }>(`/api/needs/surveys/${survey.body.id}/aggregate`);
        expect(byKey(station.body.cells)).toEqual(byKey([...expected.values()].filter((c) => c.orgUnitId === units.resident)));
      }),
      { numRuns: 8 },
    );
  });
});
