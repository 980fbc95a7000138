/**
 * Opening an assessment cycle: one transaction that records the cycle, starts one `assessment` workflow
 * instance per institute and station in the opener's scope (opened at once, so the self-assessment tasks
 * exist), and freezes each unit's metric values from its records. Either the whole cycle opens or nothing.
 */
import type { Kysely } from 'kysely';
import { freezeMetrics, type CompiledRubric } from '../../runtime/rubric/index';
import type { Actor } from '../auth/actor';
import { applyCycleDeadline } from '../assessments/cycle-deadlines';
import { buildSnapshots, yearPeriod } from '../assessments/unit-snapshot';
import { publishedRubric } from '../assessments/rubric-store';
import { appendAudit } from '../db/repositories/audit-repository';
import { executeEffects, insertInstance, syncTasks } from '../db/repositories/instance-repository';
import { OrgScope } from '../db/scope';
import type { Database } from '../db/types';
import type { AppDeps } from '../deps';
import { buildContext } from '../engine/context';
import { toEngineActor } from '../engine/engine-actor';
import { problems } from '../errors';
import { newId } from '../util/ids';
import { rejectionProblem } from './rejection-problem';

type OpenDeps = Pick<AppDeps, 'database' | 'clock' | 'engine' | 'definitions'>;

export interface OpenCycleRequest {
  year: number;
  rubrics: { key: string; version: number }[];
  /** User ids or usernames of the district assessors (at least two: the workflow countersigns). */
  assessors: string[];
  deadlines: { selfAssessmentDue: string; reviewDue: string; scoringDue: string };
  noticeDays: number;
  appealDays: number;
  quotas?: unknown[] | undefined;
}

export interface OpenedCycle {
  id: string;
  assessments: number;
}

export async function openCycle(deps: OpenDeps, actor: Actor, request: OpenCycleRequest): Promise<OpenedCycle> {
  if (!actor.memberships.some((m) => m.role === 'districtAdmin')) throw problems.forbidden('Only a district admin opens assessment cycles.');
  const now = deps.clock();
  const at = now.toISOString();
  const period = yearPeriod(request.year);
  return deps.database.db.transaction().execute(async (trx) => {
    const byLevel = new Map<string, { key: string; version: number; rubric: CompiledRubric }>();
    for (const [index, pin] of request.rubrics.entries()) {
      const rubric = await publishedRubric(trx, pin.key, pin.version);
      for (const level of rubric.definition.appliesTo) {
        if (byLevel.has(level)) throw problems.validation([{ pointer: `/rubrics/${index}`, code: 'duplicate-level', message: `两个细则都适用于 ${level} / two rubrics apply to ${level}` }]);
        byLevel.set(level, { ...pin, rubric });
      }
    }
    const running = await trx.selectFrom('assessment_cycles').select(['id', 'rubrics']).where('year', '=', request.year).where('status', '=', 'open').execute();
    const clash = running.find((cycle) => (JSON.parse(cycle.rubrics) as { level: string }[]).some((pin) => byLevel.has(pin.level)));
    if (clash !== undefined) throw problems.conflict(`A cycle for ${request.year} is already open for these levels.`, { cycleId: clash.id });
    const assessorIds = await resolveAssessors(trx, request.assessors);
    const workflow = await deps.definitions.workflow(trx, 'assessment');
    if (workflow === undefined) throw problems.notFound('published workflow assessment');

    const scope = new OrgScope(actor);
    const units = (await trx.selectFrom('org_units').select(['id', 'parent_id', 'path', 'level']).where('active', '=', 1).where(scope.subtree('org_units.path')).execute()).filter(
      (unit) => unit.level === 'station' || unit.level === 'institute',
    );
    const assessed = units.filter((unit) => byLevel.has(unit.level));
    if (assessed.length === 0) throw problems.unprocessable('no-units', 'No units to assess', 'No institute or station in your scope matches the rubrics.');
    const snapshots = await buildSnapshots(trx, units, period);

    const cycleId = newId(now.getTime());
    await trx
      .insertInto('assessment_cycles')
      .values({
        id: cycleId,
        year: request.year,
        period_from: period.from,
        period_to: period.to,
        rubrics: JSON.stringify([...byLevel].map(([level, pin]) => ({ level, key: pin.key, version: pin.version }))),
        assessors: JSON.stringify(assessorIds),
        deadlines: JSON.stringify(request.deadlines),
        notice_days: request.noticeDays,
        appeal_days: request.appealDays,
        quotas: request.quotas === undefined ? null : JSON.stringify(request.quotas),
        status: 'open',
        created_by: actor.userId,
        created_at: at,
        version: 1,
      })
      .execute();

    const engineActor = toEngineActor(actor);
    for (const unit of assessed) {
      const pin = byLevel.get(unit.level)!;
      const input = { cycleId, subjectLevel: unit.level, assessors: assessorIds };
      const { context, orgPath, teamIds } = await buildContext(trx, deps.definitions, now, unit.id, input);
      const started = deps.engine.start(workflow, { id: newId(now.getTime()), unit: unit.id, actor: engineActor, input }, context);
      if (!started.ok) throw rejectionProblem(started.rejection);
      const opened = deps.engine.apply(workflow, started.instance, { event: 'open', actor: engineActor, expectedRevision: started.instance.revision }, context);
      if (!opened.ok) throw rejectionProblem(opened.rejection);
      await insertInstance(trx, opened.instance, orgPath, actor.userId, at);
      await syncTasks(trx, null, opened.instance, orgPath, teamIds, at);
      await applyCycleDeadline(trx, opened.instance.id, opened.instance.state, request.deadlines);
      await executeEffects(trx, opened.instance.id, [...started.effects, ...opened.effects], at);
      const frozen = freezeMetrics(pin.rubric, snapshots.get(unit.id)!, period);
      await trx
        .insertInto('assessments')
        .values({
          id: newId(now.getTime()),
          cycle_id: cycleId,
          org_unit_id: unit.id,
          org_path: unit.path,
          parent_id: unit.parent_id,
          level: unit.level,
          rubric_key: pin.key,
          rubric_version: pin.version,
          instance_id: opened.instance.id,
          frozen_metrics: JSON.stringify(frozen),
          result: null,
          tier: null,
          score: null,
          created_at: at,
          updated_at: at,
          version: 1,
        })
        .execute();
    }
    await appendAudit(trx, { actorId: actor.userId, action: 'cycle.open', targetType: 'assessmentCycle', targetId: cycleId, beforeHash: null, afterHash: null, at });
    return { id: cycleId, assessments: assessed.length };
  });
}

async function resolveAssessors(db: Kysely<Database>, names: readonly string[]): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('role_memberships', 'role_memberships.user_id', 'users.id')
    .select(['users.id', 'users.username'])
    .where('role_memberships.role', '=', 'assessor')
    .where((eb) => eb.or([eb('users.id', 'in', names), eb('users.username', 'in', names)]))
    .execute();
  return names.map((name, index) => {
    const row = rows.find((candidate) => candidate.id === name || candidate.username === name);
    if (row === undefined) throw problems.validation([{ pointer: `/assessors/${index}`, code: 'not-an-assessor', message: `“${name}”不是考评员 / "${name}" is not an assessor` }]);
    return row.id;
  });
}
