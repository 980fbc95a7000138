import { readFileSync } from 'node:fs';
import { writeAttachmentFile } from '../attachments/files';
import type { Actor } from '../auth/actor';
import { systemActor } from '../auth/actor';
import { loadActor } from '../auth/sessions';
import { fireTimer, runCommand, startWorkflow } from '../commands/instance-commands';
import type { AppDeps } from '../deps';
import type { Clock } from '../util/clock';
import { newId } from '../util/ids';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'engine' | 'definitions'>;

/** Stands for the completion photo's attachment id in the paths below; the seed stores a real one. */
const DEMO_PHOTO = '@demo-photo';

/** Commands that bring a new order to each state of the five-order flow, and who sends them. */
const paths: Record<string, { event: string; by: 'station' | 'leader' | 'initiator'; data?: Record<string, unknown> }[]> = {
  submitted: [],
  pending_dispatch: [{ event: 'accept_for_dispatch', by: 'station' }],
  dispatched: [{ event: 'accept_for_dispatch', by: 'station' }, { event: 'dispatch', by: 'station' }],
  accepted: [{ event: 'accept_for_dispatch', by: 'station' }, { event: 'dispatch', by: 'station' }, { event: 'accept', by: 'leader' }],
  in_service: [{ event: 'accept_for_dispatch', by: 'station' }, { event: 'dispatch', by: 'station' }, { event: 'accept', by: 'leader' }, { event: 'start', by: 'leader' }],
  awaiting_rating: [
    { event: 'accept_for_dispatch', by: 'station' },
    { event: 'dispatch', by: 'station' },
    { event: 'accept', by: 'leader' },
    { event: 'start', by: 'leader' },
    { event: 'complete', by: 'leader', data: { summary: '已按需求完成服务', serviceHours: 2, volunteerCount: 3, beneficiaryCount: 5, photos: [DEMO_PHOTO] } },
  ],
  closed: [
    { event: 'accept_for_dispatch', by: 'station' },
    { event: 'dispatch', by: 'station' },
    { event: 'accept', by: 'leader' },
    { event: 'start', by: 'leader' },
    { event: 'complete', by: 'leader', data: { summary: '已按需求完成服务', serviceHours: 1.5, volunteerCount: 2, photos: [DEMO_PHOTO] } },
    { event: 'rate', by: 'initiator', data: { stars: 5, comment: '服务很及时，非常满意' } },
  ],
  rejected: [{ event: 'reject', by: 'station', data: { reason: '不属于志愿服务范围' } }],
  cancelled: [{ event: 'cancel', by: 'initiator', data: { reason: '需求已自行解决' } }],
};

const needs = ['家中老人需要上门理发', '想了解新农合报销政策', '村里需要一场防诈骗宣讲', '孩子放学后需要课业辅导', '希望组织一次义诊', '需要法律咨询：土地承包纠纷'];

/**
 * Demo orders in every state, driven through the engine by the demo users (so their history, tasks and
 * timers are real); `archived` orders are taken through the close-out timer two weeks back in time.
 */
export async function seedDemoOrders(deps: Deps, perState = 2): Promise<number> {
  const db = deps.database.db;
  const actorOf = async (username: string): Promise<Actor> => {
    const user = await db.selectFrom('users').select(['id', 'username', 'display_name']).where('username', '=', username).executeTakeFirstOrThrow();
    return loadActor(db, user.id, user.username, user.display_name);
  };
  const resident = await actorOf('resident1');
  const station = await actorOf('station.admin');
  const leader = await actorOf('team.leader');
  const teamId = leader.memberships.find((m) => m.teamId !== null)?.teamId;
  const stationId = resident.memberships[0]?.orgUnitId;
  if (teamId === undefined || stationId === undefined) return 0;
  const actors = { station, leader, initiator: resident };
  // The completion photo is a real attachment (a picture of a station), filed by the team leader without a
  // unit, as completion photos are: whoever reads the order sees it.
  const photo = readFileSync(new URL('./demo-photo.png', import.meta.url));
  const photoId = newId(deps.clock().getTime());
  await db.insertInto('attachments').values({ id: photoId, sha256: writeAttachmentFile(deps.database.dataDir, photo), mime: 'image/png', size: photo.length, file_name: '服务现场.png', org_unit_id: null, uploaded_by: leader.userId, uploaded_at: deps.clock().toISOString() }).execute();
  const withPhoto = (data: Record<string, unknown> | undefined) => (Array.isArray(data?.photos) ? { ...data, photos: data.photos.map((id) => (id === DEMO_PHOTO ? photoId : id)) } : data);

  const drive = async (clockDeps: Deps, target: string, index: number) => {
    let view = await startWorkflow(clockDeps, resident, { workflow: 'five-order', orgUnitId: stationId, data: { description: needs[index % needs.length]!, urgency: index % 5 === 0 ? 'urgent' : 'normal' } });
    for (const step of paths[target]!) {
      const data = step.event === 'dispatch' ? { mode: 'directed', teamId } : withPhoto(step.data);
      view = (await runCommand(clockDeps, actors[step.by], { instanceId: view.id, event: step.event, data, expectedVersion: view.version })).body;
    }
    return view.id;
  };

  let made = 0;
  for (const target of Object.keys(paths)) {
    for (let i = 0; i < perState; i++, made++) await drive(deps, target, made);
  }
  const now = deps.clock();
  const past: Clock = () => new Date(now.getTime() - 20 * 86_400_000);
  for (let i = 0; i < perState; i++, made++) {
    const id = await drive({ ...deps, clock: past }, 'closed', made);
    await db.transaction().execute(async (trx) => {
      const timer = await trx.selectFrom('timers').selectAll().where('instance_id', '=', id).where('name', '=', 'reopenWindow').where('fired_at', 'is', null).executeTakeFirstOrThrow();
      await fireTimer(trx, deps, systemActor, timer);
    });
  }
  return made;
}
