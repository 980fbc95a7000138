/** Demo needs collection and wish wall: one open survey with a few answers, and one open wish on the wall. */
import type { Actor } from '../auth/actor';
import { loadActor } from '../auth/sessions';
import type { AppDeps } from '../deps';
import { answerSurvey, publishSurvey } from '../needs/surveys';
import { postWish } from '../wishes/wishes';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'engine' | 'definitions'>;

const day = 24 * 60 * 60 * 1000;

export async function seedDemoNeeds(deps: Deps): Promise<void> {
  const db = deps.database.db;
  const actorOf = async (username: string): Promise<Actor | undefined> => {
    const user = await db.selectFrom('users').select(['id', 'username', 'display_name']).where('username', '=', username).executeTakeFirst();
    return user === undefined ? undefined : loadActor(db, user.id, user.username, user.display_name);
  };
  const [institute, resident, proxy, station2] = await Promise.all(['institute.admin', 'resident1', 'proxy.orderer', 'station.admin2'].map(actorOf));
  const station1Id = resident?.memberships[0]?.orgUnitId;
  const station2Id = station2?.memberships[0]?.orgUnitId;
  if (institute === undefined || resident === undefined || proxy === undefined || station2 === undefined || station1Id === undefined || station2Id === undefined) return;
  const now = deps.clock();
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    const survey = await publishSurvey(trx, institute, { title: '2026 年群众需求征集（问需）', formKey: 'needs-survey', targetUnitIds: [station1Id, station2Id], opensAt: new Date(now.getTime() - day).toISOString(), closesAt: new Date(now.getTime() + 30 * day).toISOString() }, at);
    await answerSurvey(trx, resident, survey.id, { data: { category: 'medical-service', targetGroup: 'elderly', description: '村里独居老人多，希望定期上门量血压', urgency: 'normal' } }, at);
    await answerSurvey(trx, proxy, survey.id, { data: { category: 'medical-service', targetGroup: 'elderly', description: '王大爷腿脚不便，想请医生上门', urgency: 'urgent' }, onBehalfOf: '王大爷' }, at);
    await answerSurvey(trx, station2, survey.id, { data: { category: 'education-support', targetGroup: 'children', description: '放学后孩子没人辅导作业' }, onBehalfOf: '李奶奶' }, at);
    await postWish(trx, deps, resident, { text: '想给村里的留守儿童办一个读书角，缺一些课外书', photos: [] }, at);
  });
}
