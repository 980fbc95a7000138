import { describe, expect, it } from 'vitest';
import { availableActions, replay } from '../../../runtime/workflow/index';
import { actors, Driver, packWorkflow } from './helpers';

const assessment = packWorkflow('assessment');
const T0 = '2026-11-02T01:00:00.000Z'; // Monday
const selfAssessment = { targetTier: 'demonstration', summary: '全年开展志愿服务活动48次，群众满意。', declaration: true, declarantName: '王站长' };
const input = { cycleId: '2026', subjectLevel: 'station', assessors: ['as1', 'as2'], opensAt: '2026-11-03T00:00:00.000Z' };

function opened(subject: 'station' | 'institute' = 'station') {
  const d = new Driver(assessment, T0, { actor: actors.districtAdmin, input: { ...input, subjectLevel: subject }, unit: subject === 'station' ? 's1' : 'i1' });
  return d;
}

describe('assessment (DOMAIN §7.2)', () => {
  it('opens at opensAt by timer, then the unit head self-assesses', () => {
    const d = opened();
    expect(d.instance.state).toBe('not_started');
    expect(d.instance.timers).toEqual([{ key: 'opens', due: '2026-11-03T00:00:00.000Z' }]);
    d.at('2026-11-03T00:00:00.000Z').ok('timer', actors.system, { timer: 'opens' });
    expect(d.instance).toMatchObject({ state: 'self_assessing', task: { assignees: ['sa1'] } });
  });

  it('runs end to end through every transition: submit, withdraw, return, approve, 会签 score, send back, approve, notice, appeal, decide, final, revoke', () => {
    const d = opened();
    d.ok('open', actors.districtAdmin);
    expect(d.send('submit', actors.stationAdmin, { data: { summary: '太短' } }).ok).toBe(false);
    expect(d.code()).toBe('form-invalid');
    d.ok('submit', actors.stationAdmin, { data: selfAssessment });
    expect(d.instance).toMatchObject({ state: 'submitted', task: { assignees: ['ia1'] } });
    // 撤回 until the institute acts.
    d.ok('withdraw', actors.stationAdmin);
    expect(d.instance.state).toBe('self_assessing');
    d.ok('submit', actors.stationAdmin, { data: selfAssessment });
    d.ok('return', actors.instituteAdmin, { data: { reason: '佐证材料不全' } });
    expect(d.instance).toMatchObject({ state: 'self_assessing', vars: { returnCount: 1 } });
    d.ok('submit', actors.stationAdmin, { data: selfAssessment });
    d.ok('institute_approve', actors.instituteAdmin);
    expect(d.instance).toMatchObject({ state: 'district_review', task: { kind: 'countersign', assignees: ['as1', 'as2'] } });
    // 会签: one score does not decide.
    d.ok('score', actors.assessor1);
    expect(d.instance.state).toBe('district_review');
    expect(availableActions(assessment, d.instance, actors.assessor1, d.ctx()).map((a) => a.event)).toEqual([]);
    expect(availableActions(assessment, d.instance, actors.assessor2, d.ctx())).toContainEqual({ event: 'score', to: 'scored', title: expect.any(Object) });
    expect(d.send('score', actors.assessor1).ok).toBe(false);
    d.ok('score', actors.assessor2);
    expect(d.instance).toMatchObject({ state: 'scored', task: { assignees: ['dl1'] } });
    // 退回 to an earlier step the definition allows.
    expect(d.send('sendBack', actors.districtLeader, { target: 'submitted', data: { reason: '重新考评' } }).ok).toBe(false);
    expect(d.code()).toBe('target-invalid');
    d.ok('sendBack', actors.districtLeader, { target: 'district_review', data: { reason: '分数需复核' } });
    expect(d.instance).toMatchObject({ state: 'district_review', task: { votes: [] } });
    d.ok('score', actors.assessor2);
    d.ok('score', actors.assessor1);
    d.ok('approve', actors.districtLeader);
    expect(d.instance.state).toBe('public_notice');
    expect(d.instance.readers).toEqual(['ia1']);
    // 5 working days from Monday 11-02 = Monday 11-09.
    expect(d.instance.timers).toEqual([{ key: 'notice', due: '2026-11-09T01:00:00.000Z' }]);
    d.ok('appeal', actors.stationAdmin, { data: { items: ['C2'], reason: '活动记录漏计' } });
    expect(d.instance).toMatchObject({ state: 'appeal_review', timers: [] });
    d.ok('decide', actors.districtLeader, { data: { decision: 'amended', comment: 'C2 改为满分' } });
    expect(d.instance.state).toBe('public_notice');
    // One appeal per unit per cycle.
    expect(d.send('appeal', actors.stationAdmin, { data: { items: ['C3'], reason: '再次申诉' } }).ok).toBe(false);
    expect(d.code()).toBe('guard-false');
    d.ok('timer', actors.system, { timer: 'notice' });
    expect(d.instance).toMatchObject({ state: 'final', final: true });
    expect(d.send('appeal', actors.stationAdmin).ok).toBe(false);
    expect(d.code()).toBe('instance-final');
    d.ok('revoke', actors.districtAdmin, { data: { reason: '发现虚报活动记录（一票否决）' } });
    expect(d.effects()).toContainEqual({ type: 'webhook', event: 'assessment.revoked', data: { reason: '发现虚报活动记录（一票否决）' } });
    expect(replay(assessment, { id: d.instance.id, unit: 's1' }, d.instance.history, d.ctx())).toMatchObject({ ok: true, instance: d.instance });
  });

  it('an appeal upheld makes the result final', () => {
    const d = opened();
    d.ok('open', actors.districtAdmin);
    d.ok('submit', actors.stationAdmin, { data: selfAssessment });
    d.ok('institute_approve', actors.instituteAdmin);
    d.ok('score', actors.assessor1);
    d.ok('score', actors.assessor2);
    d.ok('approve', actors.districtLeader);
    d.ok('appeal', actors.stationAdmin, { data: { items: ['A1'], reason: '照片未被采纳' } });
    d.ok('decide', actors.districtLeader, { data: { decision: 'upheld', comment: '维持' } });
    expect(d.instance.state).toBe('final');
  });

  it('an institute goes straight to district review; a returned review goes back to self-assessment', () => {
    const d = opened('institute');
    d.ok('open', actors.districtAdmin);
    expect(d.instance.task?.assignees).toEqual(['ia1']);
    d.ok('submit', actors.instituteAdmin, { data: selfAssessment });
    expect(d.instance.state).toBe('district_review');
    d.ok('return', actors.districtAdmin, { data: { reason: '缺少会议记录' } });
    expect(d.instance.state).toBe('self_assessing');
  });

  it('withdraw is refused once the institute has acted, and a return by one assessor ends the 会签 at once', () => {
    const d = opened();
    d.ok('open', actors.districtAdmin);
    d.ok('submit', actors.stationAdmin, { data: selfAssessment });
    d.ok('institute_approve', actors.instituteAdmin);
    expect(d.send('withdraw', actors.stationAdmin).ok).toBe(false);
    d.ok('score', actors.assessor1);
    d.ok('return', actors.assessor2, { data: { reason: '实地考察不符' } });
    expect(d.instance.state).toBe('self_assessing');
  });
});
