/**
 * 制单: staff turn a cluster of collected needs into a proposed service item. The proposal row keeps the
 * item to publish and the needs behind it; the `service-item-proposal` workflow carries the approvals.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Actor } from '../auth/actor';
import type { Role } from '../auth/roles';
import { lintAgainstRegistry } from '../commands/definition-commands';
import { appendAudit } from '../db/repositories/audit-repository';
import { OrgScope } from '../db/scope';
import type { Database } from '../db/types';
import { problems } from '../errors';
import { sha256 } from '../util/canonical-json';
import { newId } from '../util/ids';
import { startIn, type EngineDeps } from './engine-steps';
import type { NeedProposalTable } from './tables';

export type ProposalRow = Selectable<NeedProposalTable>;

export const proposalWorkflow = 'service-item-proposal';
const proposerRoles: ReadonlySet<Role> = new Set(['stationAdmin', 'instituteAdmin', 'districtAdmin']);

export interface ProposedItem {
  key?: string | undefined;
  titleZh: string;
  titleEn?: string | undefined;
  category: string;
  descriptionZh: string;
  descriptionEn?: string | undefined;
  targetGroups: string[];
  deliveryModes: string[];
  providerTeamTypes?: string[] | undefined;
}

export interface NewProposal {
  orgUnitId: string;
  surveyId?: string | undefined;
  responseIds?: string[] | undefined;
  cells?: { category: string; orgUnitId: string; targetGroup: string }[] | undefined;
  item: ProposedItem;
}

/** The serviceItem definition body an approved proposal publishes. */
export function serviceItemBody(key: string, item: ProposedItem): Record<string, unknown> {
  return {
    $schema: '../../schemas/serviceItem.schema.json',
    kind: 'serviceItem',
    key,
    version: 1,
    title: { 'zh-CN': item.titleZh, ...(item.titleEn === undefined ? {} : { en: item.titleEn }) },
    description: { 'zh-CN': item.descriptionZh, ...(item.descriptionEn === undefined ? {} : { en: item.descriptionEn }) },
    category: item.category,
    targetGroups: item.targetGroups,
    deliveryModes: item.deliveryModes,
    providerTeamTypes: item.providerTeamTypes ?? [],
    orderForm: 'service-order',
    workflow: 'five-order',
    tags: ['needs'],
  };
}

async function selectedResponses(trx: Kysely<Database>, scope: OrgScope, input: NewProposal): Promise<string[]> {
  const ids = new Set(input.responseIds ?? []);
  if (input.cells !== undefined && input.cells.length > 0) {
    if (input.surveyId === undefined) throw problems.validation([{ pointer: '/surveyId', code: 'required', message: '按汇总格选择需求时须指明问需 / surveyId is required with cells' }]);
    for (const cell of input.cells) {
      const rows = await trx
        .selectFrom('needs_responses')
        .select('id')
        .where('survey_id', '=', input.surveyId)
        .where('category', '=', cell.category)
        .where('org_unit_id', '=', cell.orgUnitId)
        .where('target_group', '=', cell.targetGroup)
        .where(scope.subtree('needs_responses.org_path'))
        .execute();
      for (const row of rows) ids.add(row.id);
    }
  }
  if (ids.size === 0) throw problems.validation([{ pointer: '/responseIds', code: 'empty', message: '请至少选择一条需求 / select at least one need' }]);
  const found = await trx.selectFrom('needs_responses').select(['id', 'org_path']).where('id', 'in', [...ids]).execute();
  const visible = new Set(found.filter((row) => scope.covers(row.org_path)).map((row) => row.id));
  const missing = (input.responseIds ?? []).flatMap((id, index) => (visible.has(id) ? [] : [{ pointer: `/responseIds/${index}`, code: 'unknown-response', message: '没有这条需求或无权查看 / no such need visible to you' }]));
  if (missing.length > 0) throw problems.validation(missing);
  return [...ids].filter((id) => visible.has(id)).sort();
}

export async function createProposal(trx: Kysely<Database>, deps: EngineDeps, actor: Actor, input: NewProposal, at: string): Promise<{ proposal: ProposalRow; responseIds: string[]; state: string }> {
  const scope = new OrgScope(actor);
  const unit = await trx.selectFrom('org_units').select(['id', 'path', 'active']).where('id', '=', input.orgUnitId).executeTakeFirst();
  if (unit === undefined || unit.active !== 1) throw problems.notFound('org unit');
  if (!actor.memberships.some((m) => proposerRoles.has(m.role) && m.orgUnitId === unit.id)) throw problems.forbidden('A proposal is made by the admin of its station, institute or center.');
  const responseIds = await selectedResponses(trx, scope, input);
  const id = newId();
  const key = input.item.key ?? `need-${id.toLowerCase().replace(/[^a-z0-9]/g, '').slice(-12)}`;
  const taken = await trx.selectFrom('definitions').select('id').where('kind', '=', 'serviceItem').where('key', '=', key).executeTakeFirst();
  const pending = await trx.selectFrom('need_proposals').select('id').where('service_item_key', '=', key).where('status', '=', 'proposed').executeTakeFirst();
  if (taken !== undefined || pending !== undefined) throw problems.conflict(`A menu item with the key ${key} exists or is proposed already.`, { errors: [{ pointer: '/item/key', code: 'taken', message: '项目标识已被使用 / key taken' }] });
  const body = serviceItemBody(key, input.item);
  // Lint now, so an approval cannot end in an item the registry refuses.
  const lint = (await lintAgainstRegistry(trx, 'serviceItem', key, 1, body)).filter((problem) => problem.severity === 'error');
  if (lint.length > 0) {
    throw problems.unprocessable('lint-errors', 'The proposed item has lint errors', `${lint.length} lint error(s).`, {
      rule: lint[0]!.code,
      errors: lint.map((problem) => ({ pointer: `/item${problem.pointer}`, code: problem.code, message: problem.message['zh-CN'] + (problem.message.en ? ` / ${problem.message.en}` : '') })),
    });
  }
  const input_ = {
    titleZh: input.item.titleZh,
    ...(input.item.titleEn === undefined ? {} : { titleEn: input.item.titleEn }),
    category: input.item.category,
    descriptionZh: input.item.descriptionZh,
    targetGroups: input.item.targetGroups,
    deliveryModes: input.item.deliveryModes,
    needCount: responseIds.length,
    needIds: responseIds,
  };
  const started = await startIn(trx, deps, actor, proposalWorkflow, unit.id, input_);
  const proposal: ProposalRow = {
    id,
    survey_id: input.surveyId ?? null,
    org_unit_id: unit.id,
    org_path: unit.path,
    instance_id: started.row.id,
    item: JSON.stringify(body),
    status: 'proposed',
    service_item_key: key,
    service_item_version: null,
    failure: null,
    created_by: actor.userId,
    created_at: at,
    published_at: null,
    version: 1,
  };
  await trx.insertInto('need_proposals').values(proposal).execute();
  await trx.insertInto('need_proposal_responses').values(responseIds.map((responseId) => ({ proposal_id: id, response_id: responseId }))).execute();
  await appendAudit(trx, { actorId: actor.userId, action: 'proposal.create', targetType: 'proposal', targetId: id, beforeHash: null, afterHash: sha256(proposal.item), at });
  return { proposal, responseIds, state: started.instance.state };
}

export async function findVisibleProposal(db: Kysely<Database>, actor: Actor, id: string): Promise<ProposalRow> {
  const row = await db.selectFrom('need_proposals').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined || !(new OrgScope(actor).covers(row.org_path) || row.created_by === actor.userId)) throw problems.notFound('proposal');
  return row;
}

export async function listVisibleProposals(db: Kysely<Database>, actor: Actor): Promise<(ProposalRow & { state: string })[]> {
  const scope = new OrgScope(actor);
  return db
    .selectFrom('need_proposals')
    .innerJoin('workflow_instances', 'workflow_instances.id', 'need_proposals.instance_id')
    .selectAll('need_proposals')
    .select('workflow_instances.state')
    .where((eb) => eb.or([scope.subtree('need_proposals.org_path'), eb('need_proposals.created_by', '=', actor.userId)]))
    .orderBy('need_proposals.created_at', 'desc')
    .limit(200)
    .execute();
}
