/**
 * The wish wall (心愿墙): an off-menu request with text and photos, posted at the requester's station. It
 * runs as a five-order instance from the start (the requester is its initiator and rates it); the wall is
 * the `submitted` orders that carry a wish. A team of the station or of its institute claims it (first
 * claim wins), or the station assigns it; either way the server fires the five-order `take_wish`
 * transition and the order continues to 服务 → 评单 as any other.
 */
import type { Kysely, Selectable } from 'kysely';
import { systemActor, teamIds, type Actor } from '../auth/actor';
import { adminRoles, type Role } from '../auth/roles';
import { appendAudit } from '../db/repositories/audit-repository';
import { OrgScope, subtreeCondition } from '../db/scope';
import type { Database } from '../db/types';
import { problems } from '../errors';
import { sha256 } from '../util/canonical-json';
import { newId } from '../util/ids';
import { applyIn, startIn, type EngineDeps } from '../needs/engine-steps';
import type { WishTable } from './tables';

export type WishRow = Selectable<WishTable>;
export const wishWorkflow = 'five-order';
const posterRoles: ReadonlySet<Role> = new Set(['resident', 'proxyOrderer', 'stationAdmin']);

export interface NewWish {
  text: string;
  photos: string[];
  category?: string | undefined;
  orgUnitId?: string | undefined;
}

/**
 * Units whose teams may take a wish posted at `path`: the unit itself and its ancestors below the root
 * (the center's teams serve the whole district and take orders by dispatch, not from a village's wall).
 */
export function areaUnits(path: string): string[] {
  return path.split('/').filter((id) => id.length > 0).slice(1);
}

export async function postWish(trx: Kysely<Database>, deps: EngineDeps, actor: Actor, input: NewWish, at: string): Promise<WishRow> {
  const eligible = actor.memberships.filter((m) => posterRoles.has(m.role));
  const chosen = input.orgUnitId === undefined ? (eligible.find((m) => m.role === 'resident') ?? eligible[0]) : eligible.find((m) => m.orgUnitId === input.orgUnitId);
  if (chosen === undefined) throw problems.forbidden('A wish is posted by a resident (or a proxy orderer or station admin) at their own station.');
  if (input.photos.length > 0) {
    const found = await trx.selectFrom('attachments').select(['id', 'uploaded_by']).where('id', 'in', input.photos).execute();
    const mine = new Set(found.filter((row) => row.uploaded_by === actor.userId).map((row) => row.id));
    const bad = input.photos.flatMap((id, index) => (mine.has(id) ? [] : [{ pointer: `/photos/${index}`, code: 'unknown-attachment', message: '没有这张照片（须先上传） / no such attachment of yours' }]));
    if (bad.length > 0) throw problems.validation(bad);
  }
  const started = await startIn(trx, deps, actor, wishWorkflow, chosen.orgUnitId, {
    description: input.text,
    urgency: 'normal',
    ...(input.photos.length === 0 ? {} : { photos: input.photos }),
    ...(input.category === undefined ? {} : { category: input.category }),
  });
  const row: WishRow = {
    id: newId(),
    org_unit_id: chosen.orgUnitId,
    org_path: started.row.org_path,
    requester_id: actor.userId,
    posted_by: actor.userId,
    text: input.text,
    photos: JSON.stringify(input.photos),
    category: input.category ?? null,
    status: 'open',
    claimed_team_id: null,
    claimed_by: null,
    claimed_at: null,
    instance_id: started.row.id,
    created_at: at,
    version: 1,
  };
  await trx.insertInto('wishes').values(row).execute();
  await appendAudit(trx, { actorId: actor.userId, action: 'wish.post', targetType: 'wish', targetId: row.id, beforeHash: null, afterHash: sha256(row.text), at });
  return row;
}

/**
 * Subtrees whose wishes the actor's teams may take: the paths of their teams' units, except the root
 * (a center team's area is not every village's wall; see areaUnits).
 */
async function teamAreas(db: Kysely<Database>, actor: Actor): Promise<string[]> {
  const ids = teamIds(actor);
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('teams').innerJoin('org_units', 'org_units.id', 'teams.org_unit_id').select('org_units.path').where('teams.id', 'in', ids).execute();
  return [...new Set(rows.map((row) => row.path))].filter((path) => path.split('/').filter((id) => id.length > 0).length > 1);
}

export type WishListRow = WishRow & { state: string; instance_version: number };

/** Wishes the actor may see: their own, those in the area of their teams, and those under their administration. */
export async function listVisibleWishes(db: Kysely<Database>, actor: Actor, filter: { status?: string | undefined }): Promise<WishListRow[]> {
  const scope = new OrgScope(actor);
  const areas = await teamAreas(db, actor);
  let query = db
    .selectFrom('wishes')
    .innerJoin('workflow_instances', 'workflow_instances.id', 'wishes.instance_id')
    .selectAll('wishes')
    .select(['workflow_instances.state', 'workflow_instances.version as instance_version'])
    .where((eb) =>
      eb.or([
        eb('wishes.requester_id', '=', actor.userId),
        scope.subtree('wishes.org_path'),
        subtreeCondition('wishes.org_path', areas),
      ]),
    );
  if (filter.status !== undefined) query = query.where('wishes.status', '=', filter.status as WishRow['status']);
  return query.orderBy('wishes.created_at', 'desc').orderBy('wishes.id', 'desc').limit(200).execute();
}

async function wishAndTeam(trx: Kysely<Database>, wishId: string, teamId: string) {
  const wish = await trx.selectFrom('wishes').selectAll().where('id', '=', wishId).executeTakeFirst();
  if (wish === undefined) throw problems.notFound('wish');
  const team = await trx.selectFrom('teams').select(['id', 'org_unit_id', 'leader_user_id', 'name']).where('id', '=', teamId).executeTakeFirst();
  if (team === undefined) throw problems.validation([{ pointer: '/teamId', code: 'unknown-team', message: '没有这支队伍 / no such team' }]);
  const inArea = areaUnits(wish.org_path).includes(team.org_unit_id);
  return { wish, team, inArea };
}

/** Marks the wish taken (first one wins) and moves its order to 已接单 with the team's leader. */
async function take(trx: Kysely<Database>, deps: EngineDeps, actor: Actor, wish: WishRow, teamId: string, leaderId: string, how: 'claimed' | 'assigned', at: string): Promise<WishRow> {
  const taken = await trx
    .updateTable('wishes')
    .set({ status: how, claimed_team_id: teamId, claimed_by: actor.userId, claimed_at: at, version: wish.version + 1 })
    .where('id', '=', wish.id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) !== 1) throw problems.conflict('This wish has been taken up already.', { code: 'wish-taken' });
  const row = await trx.selectFrom('workflow_instances').selectAll().where('id', '=', wish.instance_id).executeTakeFirstOrThrow();
  // The wall's decision is the server's: the engine records it as a system step with who and how in its form.
  await applyIn(trx, deps, systemActor, row, 'take_wish', { teamId, teamLeaderId: leaderId, how });
  await appendAudit(trx, { actorId: actor.userId, action: `wish.${how === 'claimed' ? 'claim' : 'assign'}`, targetType: 'wish', targetId: wish.id, beforeHash: null, afterHash: sha256(teamId), at });
  return { ...wish, status: how, claimed_team_id: teamId, claimed_by: actor.userId, claimed_at: at, version: wish.version + 1 };
}

export async function claimWish(trx: Kysely<Database>, deps: EngineDeps, actor: Actor, wishId: string, teamId: string, at: string): Promise<WishRow> {
  if (!actor.memberships.some((m) => m.role === 'teamLeader' && m.teamId === teamId)) throw problems.forbidden('Only the leader of the team claims a wish for it.');
  const { wish, inArea } = await wishAndTeam(trx, wishId, teamId);
  if (!inArea) throw problems.forbidden("This wish is outside your team's area (its station and institute).");
  return take(trx, deps, actor, wish, teamId, actor.userId, 'claimed', at);
}

export async function assignWish(trx: Kysely<Database>, deps: EngineDeps, actor: Actor, wishId: string, teamId: string, at: string): Promise<WishRow> {
  const { wish, team, inArea } = await wishAndTeam(trx, wishId, teamId);
  if (!new OrgScope(actor).coversFor(wish.org_path, adminRoles)) throw problems.forbidden('Only the station (or institute) of the wish assigns it.');
  if (!inArea) throw problems.validation([{ pointer: '/teamId', code: 'team-outside-area', message: '队伍不在该站或其所 / the team is not of this station or its institute' }]);
  if (team.leader_user_id === null) throw problems.validation([{ pointer: '/teamId', code: 'team-without-leader', message: '该队伍没有队长 / the team has no leader' }]);
  return take(trx, deps, actor, wish, teamId, team.leader_user_id, 'assigned', at);
}
