/**
 * Assessment steps on top of the workflow engine. A review sheet may be recorded by whoever may take the
 * step it belongs to right now (the self sheet by who may submit, the institute sheet by who may approve
 * at the institute, a district sheet by an assessor who may still sign), so the workflow's assignees,
 * transfers and added signers decide who scores. The workflow command itself goes through runCommand
 * (history, tasks, timers, idempotency); the result is stored when the tier is approved and when it is final.
 */
import { checkReviewSheet, type ReviewSheet, type UnitScore } from '../../runtime/rubric/index';
import type { Actor } from '../auth/actor';
import { cycleScore, loadSheets, type AssessmentRow, type ReviewLevel } from '../assessments/assessment-scoring';
import { refreshChildTiers } from '../assessments/child-tiers';
import { applyCycleDeadline } from '../assessments/cycle-deadlines';
import { publishedRubric } from '../assessments/rubric-store';
import { appendAudit } from '../db/repositories/audit-repository';
import type { AppDeps } from '../deps';
import { problems, type FieldError } from '../errors';
import { sha256 } from '../util/canonical-json';
import { newId } from '../util/ids';
import { readInstance, runCommand, type CommandResponse } from './instance-commands';

type CommandDeps = Pick<AppDeps, 'database' | 'clock' | 'engine' | 'definitions'>;

/** The workflow event a level's sheet belongs to. */
const stepOfLevel: Record<ReviewLevel, string> = { self: 'submit', institute: 'institute_approve', district: 'score', amendment: 'decide' };

export async function saveReview(deps: CommandDeps, actor: Actor, row: AssessmentRow, level: ReviewLevel, sheet: ReviewSheet): Promise<void> {
  const db = deps.database.db;
  const instance = await readInstance(deps, actor, row.instance_id);
  if (!instance.availableActions.some((action) => action.event === stepOfLevel[level])) {
    throw problems.forbidden(`You may not record the ${level} sheet now (the assessment is ${instance.state}).`);
  }
  const rubric = await publishedRubric(db, row.rubric_key, row.rubric_version);
  const errors: FieldError[] = checkReviewSheet(rubric, sheet)
    .filter((problem) => problem.severity === 'error')
    .map((problem) => ({ pointer: problem.pointer, code: problem.code, message: `${problem.message['zh-CN']} / ${problem.message.en ?? ''}` }));
  errors.push(...(await missingEvidence(deps, sheet)));
  if (errors.length > 0) throw problems.validation(errors, 'The review sheet does not fit the rubric.');
  const at = deps.clock().toISOString();
  const text = JSON.stringify(sheet);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('assessment_reviews').values({ id: newId(), assessment_id: row.id, level, reviewer_id: actor.userId, sheet: text, created_at: at }).execute();
    await trx.updateTable('assessments').set({ updated_at: at, version: row.version + 1 }).where('id', '=', row.id).execute();
    await appendAudit(trx, { actorId: actor.userId, action: `assessment.review.${level}`, targetType: 'assessment', targetId: row.id, beforeHash: null, afterHash: sha256(text), at });
  });
}

/** Evidence must name attachments that exist (uploaded first through /api/attachments). */
async function missingEvidence(deps: CommandDeps, sheet: ReviewSheet): Promise<FieldError[]> {
  const references: { pointer: string; id: string }[] = [];
  for (const [key, entry] of Object.entries(sheet.items ?? {})) (entry.evidence ?? []).forEach((id, i) => references.push({ pointer: `/items/${key}/evidence/${i}`, id }));
  for (const [key, finding] of Object.entries(sheet.vetoes ?? {})) (finding.evidence ?? []).forEach((id, i) => references.push({ pointer: `/vetoes/${key}/evidence/${i}`, id }));
  if (references.length === 0) return [];
  const found = new Set((await deps.database.db.selectFrom('attachments').select('id').where('id', 'in', references.map((r) => r.id)).execute()).map((r) => r.id));
  return references.filter((r) => !found.has(r.id)).map((r) => ({ pointer: r.pointer, code: 'attachment-unknown', message: `没有这个附件 / no such attachment: ${r.id}` }));
}

export interface AssessmentCommand {
  event: string;
  data?: unknown;
  comment?: string | undefined;
  target?: string | undefined;
  position?: 'before' | 'after' | undefined;
  expectedVersion: number;
  idempotencyKey?: string | undefined;
}

const storesResult = new Set(['public_notice', 'final']);

export async function runAssessmentCommand(deps: CommandDeps, actor: Actor, row: AssessmentRow, command: AssessmentCommand): Promise<CommandResponse> {
  const db = deps.database.db;
  const sheets = (await loadSheets(db, [row.id])).get(row.id)!;
  const missing =
    (command.event === 'submit' && sheets.self === undefined) ||
    (command.event === 'institute_approve' && sheets.institute === undefined) ||
    (command.event === 'score' && sheets.district[actor.userId] === undefined);
  if (missing) {
    throw problems.unprocessable('assessment-sheet-missing', 'Review sheet missing', `Record your review sheet before "${command.event}".`, { rule: 'assessment-sheet-required' });
  }
  if (row.level === 'institute' && command.event === 'approve') await refreshChildTiers(db, row);
  const response = await runCommand(deps, actor, { instanceId: row.instance_id, ...command });
  if (!response.replayed) {
    const cycle = await db.selectFrom('assessment_cycles').select('deadlines').where('id', '=', row.cycle_id).executeTakeFirstOrThrow();
    await applyCycleDeadline(db, row.instance_id, response.body.state, JSON.parse(cycle.deadlines) as Record<string, string>);
  }
  if (!response.replayed && storesResult.has(response.body.state) && ['approve', 'decide'].includes(command.event)) {
    const fresh = await db.selectFrom('assessments').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    const score = await cycleScore(db, fresh);
    await db
      .updateTable('assessments')
      .set({ result: JSON.stringify(score), tier: score.tier.tier, score: score.score, updated_at: deps.clock().toISOString(), version: fresh.version + 1 })
      .where('id', '=', row.id)
      .where('version', '=', fresh.version)
      .execute();
  }
  if (!response.replayed && command.event === 'revoke') {
    // 摘牌/降级: the tier drops to the rubric's veto tier; the scores stay as they were, for the record.
    const fresh = await db.selectFrom('assessments').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    const rubric = await publishedRubric(db, fresh.rubric_key, fresh.rubric_version);
    const tiers = rubric.definition.tiers;
    const vetoTier = rubric.definition.vetoTier ?? tiers[tiers.length - 1]!.key;
    const previous = fresh.result === null ? null : (JSON.parse(fresh.result) as UnitScore);
    const result = previous === null ? null : { ...previous, tier: { tier: vetoTier, rule: 'veto' as const, qualified: previous.tier.qualified } };
    await db
      .updateTable('assessments')
      .set({ tier: vetoTier, ...(result === null ? {} : { result: JSON.stringify(result) }), updated_at: deps.clock().toISOString(), version: fresh.version + 1 })
      .where('id', '=', row.id)
      .where('version', '=', fresh.version)
      .execute();
  }
  return response;
}
