import { resolve } from 'node:path';
import type { DatabaseHandle } from '../db/dialects/dialect';
import { findLatestPublished, parseBody } from '../db/repositories/definition-repository';
import type { DefinitionCache } from '../engine/definition-cache';
import type { WorkflowPort } from '../engine/port';
import type { Clock } from '../util/clock';
import { seedDemoOrg, type DemoSize, type PackFacts } from './demo-org';
import { seedDemoUsers } from './demo-users';
import { publishPack } from './publish-pack';
import { seedDemoOrders } from './demo-orders';
import { seedDemoNeeds } from './demo-needs';
import { seedDemoStore } from './demo-store';

export type { DemoSize };

export interface SeedOptions {
  size: DemoSize;
  clock: Clock;
  log: (line: string) => void;
  packDirectory?: string;
  /** Drive demo orders through the engine (slower; off in tests that do not need them). */
  orders?: boolean;
  engine: WorkflowPort;
  definitions: DefinitionCache;
}

/** On an empty database: publish the Liangzhou pack, then load the demo org, users and orders. */
export async function seedIfEmpty(database: DatabaseHandle, options: SeedOptions): Promise<boolean> {
  const { db } = database;
  const existing = await db.selectFrom('org_units').select('id').limit(1).executeTakeFirst();
  if (existing !== undefined) return false;
  const at = options.clock().toISOString();
  await db.transaction().execute(async (trx) => {
    const count = await publishPack(trx, options.packDirectory ?? resolve(process.env.SHIJIAN_PACK_DIR ?? 'definitions/liangzhou'), at);
    options.log(`published ${count} definitions from the Liangzhou pack`);
    const facts = await packFacts(trx);
    const org = await seedDemoOrg(trx, options.size, facts, at);
    options.log(`org tree: 1 center, ${org.institutes.length} institutes, ${org.institutes.reduce((n, i) => n + i.stations.length, 0)} stations`);
    await seedDemoUsers(trx, org, at);
  });
  // Outside the transaction above: the demo hours go through the service-record commands, each its own transaction.
  await seedDemoStore(db, at, { volunteerHours: options.orders !== false });
  if (options.orders !== false) {
    const made = await seedDemoOrders({ database, clock: options.clock, engine: options.engine, definitions: options.definitions }, options.size === 'district' ? 5 : 2);
    options.log(`demo orders: ${made}`);
    await seedDemoNeeds({ database, clock: options.clock, engine: options.engine, definitions: options.definitions });
  }
  return true;
}

async function packFacts(db: DatabaseHandle['db']): Promise<PackFacts> {
  const rooms = async (key: string) => {
    const row = await findLatestPublished(db, 'stationType', key);
    const required = row === undefined ? [] : parseBody(row).requiredRooms;
    return Array.isArray(required) ? required.filter((room): room is string => typeof room === 'string') : [];
  };
  const teamTypes = await db.selectFrom('definitions').select(['key', 'body']).where('kind', '=', 'teamType').where('status', '=', 'published').orderBy('key').orderBy('version').execute();
  // The latest version's title names each type's teams (文明风尚志愿服务队); a type without one is named by its key.
  const titles = new Map<string, string>();
  for (const row of teamTypes) {
    const title = (JSON.parse(row.body) as { title?: { 'zh-CN'?: unknown } }).title?.['zh-CN'];
    titles.set(row.key, typeof title === 'string' ? title : `${row.key}志愿服务队`);
  }
  // A pack without team types still gets one general team per institute, so every demo role has a place.
  const types = titles.size > 0 ? [...titles].map(([key, title]) => ({ key, title })) : [{ key: 'general', title: '志愿服务队' }];
  return { stationRooms: await rooms('station'), instituteRooms: await rooms('institute'), teamTypes: types };
}
