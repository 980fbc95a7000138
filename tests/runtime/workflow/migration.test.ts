import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../../runtime/schema/workflow';
import { applyMigration, planMigration, replay } from '../../../runtime/workflow/index';
import { actors, context, Driver, packWorkflow, workflow } from './helpers';

const v1 = packWorkflow('five-order');
/** Version 2 renames 待派单 and gives triage one working day. */
function version2(): WorkflowDefinition {
  const json = JSON.parse(JSON.stringify(v1).replaceAll('"pending_dispatch"', '"awaiting_dispatch"')) as WorkflowDefinition;
  json.version = 2;
  json.states.submitted!.timers[0]!.after = { after: 'P1D', calendar: 'working' };
  return workflow(json);
}
const v2 = version2();
const T0 = '2026-11-02T01:00:00.000Z';
const order = { description: '打扫院落' };

function at(state: 'submitted' | 'pending_dispatch' | 'rejected', id: string) {
  const d = new Driver(v1, T0, { actor: actors.resident, input: order, id });
  if (state === 'pending_dispatch') d.ok('accept_for_dispatch', actors.stationAdmin);
  if (state === 'rejected') d.ok('reject', actors.stationAdmin, { data: { reason: '重复订单' } });
  return d.instance;
}

describe('definition versions and migration', () => {
  it('plans per instance: ok, needs mapping, impossible with the reason', () => {
    const instances = [at('submitted', 'a'), at('pending_dispatch', 'b'), at('rejected', 'c')];
    const plan = planMigration(v1, v2, instances);
    expect(plan.map((p) => p.status)).toEqual(['ok', 'needs-mapping', 'ok']);
    const mapped = planMigration(v1, v2, instances, { pending_dispatch: 'awaiting_dispatch', rejected: 'submitted' });
    expect(mapped.map((p) => [p.status, p.status === 'ok' ? p.to : ''])).toEqual([['ok', 'submitted'], ['ok', 'awaiting_dispatch'], ['impossible', '']]);
    expect(mapped[2]).toMatchObject({ reason: { en: 'a finished instance cannot be reopened by a migration' } });
    expect(planMigration(v1, { ...v2, key: 'other' }, instances)[0]?.status).toBe('impossible');
    expect(planMigration(v2, v2, instances)[0]?.status).toBe('impossible');
  });

  it('applies a migration, re-entering a renamed state, recorded in history; replay crosses versions', () => {
    const instance = at('pending_dispatch', 'b');
    const moved = applyMigration(v1, v2, instance, { pending_dispatch: 'awaiting_dispatch' }, actors.districtAdmin, context('2026-11-03T01:00:00.000Z'));
    expect(moved.ok).toBe(true);
    if (!moved.ok || !('instance' in moved)) return;
    expect(moved.instance).toMatchObject({ version: 2, state: 'awaiting_dispatch', revision: instance.revision + 1, task: { assignees: ['sa1'] } });
    expect(moved.instance.history.at(-1)).toMatchObject({ event: '@migrate', from: 'pending_dispatch', to: 'awaiting_dispatch', migration: { fromVersion: 1, toVersion: 2 } });
    expect(moved.effects).toContainEqual({ type: 'cancel', timer: 'dispatch' });
    expect(moved.effects).toContainEqual({ type: 'schedule', timer: 'dispatch', due: '2026-11-04T01:00:00.000Z' });
    const byVersion = (version: number) => (version === 1 ? v1 : version === 2 ? v2 : undefined);
    const replayed = replay(byVersion, { id: 'b', unit: 's1', version: 1 }, moved.instance.history, context(T0));
    expect(replayed.ok && replayed.instance).toEqual(moved.instance);
  });

  it('an instance that stays in its state keeps its task and timers', () => {
    const instance = at('submitted', 'a');
    const moved = applyMigration(v1, v2, instance, {}, actors.districtAdmin, context(T0));
    expect(moved.ok && 'instance' in moved && moved.instance.timers).toEqual(instance.timers);
    expect(moved.ok && 'effects' in moved && moved.effects).toEqual([]);
  });

  it('refuses to carry votes into a step of another kind', () => {
    const assessment = packWorkflow('assessment');
    const changed = workflow({ ...assessment, version: 2, states: { ...assessment.states, district_review: { ...assessment.states.district_review!, task: { ...assessment.states.district_review!.task!, kind: 'anySign' } } } });
    const d = new Driver(assessment, T0, { actor: actors.districtAdmin, input: { cycleId: '2026', subjectLevel: 'institute', assessors: ['as1', 'as2'] }, unit: 'i1' });
    d.ok('open', actors.districtAdmin);
    d.ok('submit', actors.instituteAdmin, { data: { summary: '全年开展志愿服务活动48次，群众满意。', declaration: true, declarantName: '李所长' } });
    d.ok('score', actors.assessor1);
    expect(planMigration(assessment, changed, [d.instance])[0]).toMatchObject({ status: 'impossible' });
    const moved = applyMigration(assessment, changed, d.instance, {}, actors.districtAdmin, d.ctx());
    expect(moved).toMatchObject({ ok: false, plan: { status: 'impossible' } });
  });
});
