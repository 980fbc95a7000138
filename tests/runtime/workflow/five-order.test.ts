import { describe, expect, it } from 'vitest';
import { availableActions, replay, type Effect } from '../../../runtime/workflow/index';
import { actors, context, Driver, packWorkflow } from './helpers';

const fiveOrder = packWorkflow('five-order');
// Monday 2026-09-28 09:00 Beijing time.
const T0 = '2026-09-28T01:00:00.000Z';
const order = { description: '帮助独居老人打扫院落', urgency: 'normal', expectedTime: '2026-10-12T02:00:00.000Z' };
const completion = { summary: '打扫院落并陪老人聊天', serviceHours: 2, volunteerCount: 3, beneficiaryCount: 1, photos: ['p1.jpg'] };

function submitted(input: Record<string, unknown> = order) {
  return new Driver(fiveOrder, T0, { actor: actors.resident, input });
}
function dispatchedTo(team: 't1' | 't2' = 't1') {
  const d = submitted();
  d.ok('accept_for_dispatch', actors.stationAdmin);
  d.ok('dispatch', actors.stationAdmin, { data: { mode: 'directed', teamId: team } });
  return d;
}
function awaitingRating() {
  const d = dispatchedTo();
  d.ok('accept', actors.teamLeader1);
  d.at('2026-10-12T01:30:00.000Z').ok('start', actors.teamLeader1);
  d.ok('complete', actors.teamLeader1, { data: completion });
  return d;
}
const records = (effects: Effect[]) => effects.filter((e) => e.type === 'record').map((e) => (e.type === 'record' ? e.record : ''));

describe('five-order (DOMAIN §6.2)', () => {
  it('#1 submit routes to the station, opens a triage task with a 2-working-day SLA and reminders at 50 % / 90 %', () => {
    const d = submitted();
    expect(d.instance.state).toBe('submitted');
    expect(d.instance.task?.assignees).toEqual(['sa1']);
    // Mon 09-28 + 2 working days = Wed 09-30 (National Day starts 10-01).
    expect(d.instance.timers.find((t) => t.key === 'triage')?.due).toBe('2026-09-30T01:00:00.000Z');
    expect(d.instance.timers.map((t) => t.key).sort()).toEqual(['triage', 'triage@50', 'triage@90']);
    expect(d.instance.task?.due).toBe('2026-09-30T01:00:00.000Z');
  });

  it('the triage SLA skips the National Day holiday and counts the make-up Saturday', () => {
    const d = new Driver(fiveOrder, '2026-09-30T01:00:00.000Z', { actor: actors.resident, input: order });
    // Wed 09-30 + 2 working days: 10-01..07 off, Thu 10-08 (1), Fri 10-09 (2).
    expect(d.instance.timers.find((t) => t.key === 'triage')?.due).toBe('2026-10-09T01:00:00.000Z');
  });

  it('a service item’s SLA overrides the default timer of the same name (ServiceSla keys)', () => {
    const d = new Driver(fiveOrder, T0, { actor: actors.resident, input: order }, { durations: { triage: { after: 'P5D', calendar: 'working' } } });
    // Mon 09-28 + 5 working days: 09-29, 09-30, (10-01..07 off), 10-08, 10-09, 10-10 (make-up Saturday).
    expect(d.instance.timers.find((t) => t.key === 'triage')?.due).toBe('2026-10-10T01:00:00.000Z');
    const timerKeys = Object.values(fiveOrder.states).flatMap((s) => s.timers.map((t) => t.key));
    for (const sla of ['triage', 'accept', 'noShowGrace', 'ratingWindow', 'reopenWindow']) expect(timerKeys).toContain(sla);
  });

  it('an urgent order has a 4-hour triage SLA on the clock', () => {
    const d = submitted({ ...order, urgency: 'urgent' });
    expect(d.instance.timers.find((t) => t.key === 'triage')?.due).toBe('2026-09-28T05:00:00.000Z');
  });

  it('the whole loop: submit → triage → dispatch → accept → start → complete → rate → closed → archived', () => {
    const d = awaitingRating();
    expect(records(d.effects())).toEqual(['serviceRecord']);
    expect(d.instance.task?.assignees).toEqual(['r1']);
    expect(d.instance.history.find((h) => h.event === 'start')?.at).toBe('2026-10-12T01:30:00.000Z');
    d.ok('rate', actors.resident, { data: { stars: 5, comment: '很好' } });
    expect(d.instance.state).toBe('closed');
    expect(d.instance.vars).toMatchObject({ rated: true, stars: 5, teamLeaderId: 'tl1' });
    expect(records(d.effects())).toEqual(['rating']);
    d.timer('reopenWindow');
    expect(d.code()).toBeUndefined();
    expect(d.instance.state).toBe('archived');
    expect(d.instance.final).toBe(true);
    expect(d.instance.history.map((h) => h.event)).toEqual(['@start', 'accept_for_dispatch', 'dispatch', 'accept', 'start', 'complete', 'rate', 'timer']);
    expect(replay(fiveOrder, { id: d.instance.id, unit: 's1' }, d.instance.history, d.ctx())).toEqual({ ok: true, instance: d.instance, effects: expect.any(Array) });
  });

  it('#2 reject needs a reason and is final; the requester is notified', () => {
    const d = submitted();
    expect(d.send('reject', actors.stationAdmin).ok).toBe(false);
    expect(d.last.ok ? null : d.last.rejection).toMatchObject({ code: 'form-invalid', form: 'reason' });
    d.ok('reject', actors.stationAdmin, { data: { reason: '不在服务范围' } });
    expect(d.instance).toMatchObject({ state: 'rejected', final: true, timers: [] });
    expect(d.effects()).toContainEqual({ type: 'notify', to: ['r1'], message: 'order.rejected', data: { reason: '不在服务范围' } });
    expect(d.send('accept_for_dispatch', actors.stationAdmin).ok).toBe(false);
    expect(d.code()).toBe('instance-final');
  });

  it('#2 #3 #5 the institute and the center above may triage and dispatch a station’s order directly', () => {
    const d = submitted();
    expect(d.send('accept_for_dispatch', actors.otherStationAdmin).ok).toBe(false);
    d.ok('accept_for_dispatch', actors.instituteAdmin);
    d.ok('dispatch', actors.districtAdmin, { data: { mode: 'directed', teamId: 't2' } });
    expect(d.instance).toMatchObject({ state: 'dispatched', level: 0, task: { assignees: ['tl2'] } });
    expect(submitted().send('reject', actors.instituteAdmin, { data: { reason: '不属于文明实践服务范围' } }).ok).toBe(true);
  });

  it('#4 escalate station → institute → center, then no higher level', () => {
    const d = submitted();
    d.ok('escalate', actors.stationAdmin);
    expect(d.instance).toMatchObject({ state: 'submitted', level: 1, task: { assignees: ['ia1'] } });
    expect(d.send('accept_for_dispatch', actors.stationAdmin).ok).toBe(false);
    expect(d.code()).toBe('actor-not-allowed');
    d.ok('escalate', actors.instituteAdmin);
    expect(d.instance).toMatchObject({ level: 2, task: { assignees: ['da1'] }, vars: { escalationCount: 2 } });
    expect(d.send('escalate', actors.districtAdmin).ok).toBe(false);
    expect(d.code()).toBe('no-higher-level');
    expect(availableActions(fiveOrder, d.instance, actors.districtAdmin, d.ctx()).map((a) => a.event)).toEqual(['accept_for_dispatch', 'reject', 'cancel']);
    d.ok('accept_for_dispatch', actors.districtAdmin);
    expect(d.instance.state).toBe('pending_dispatch');
    expect(d.instance.task?.assignees).toEqual(['da1']);
  });

  it('#4 an overdue triage escalates by timer; reminders notify the assignee first', () => {
    const d = submitted();
    d.timer('triage@50');
    expect(d.effects()).toContainEqual({ type: 'notify', to: ['sa1'], message: 'workflow.task.reminder', data: { state: 'submitted', timer: 'triage' } });
    d.ok('timer', actors.system, { timer: 'triage' });
    expect(d.instance).toMatchObject({ state: 'submitted', level: 1, task: { assignees: ['ia1'] } });
    expect(d.effects()).toContainEqual({ type: 'cancel', timer: 'triage@90' });
    expect(d.send('timer', actors.resident, { timer: 'triage' }).ok).toBe(false);
  });

  it('#5 #6 dispatch directed to a team, its leader accepts; others cannot', () => {
    const d = dispatchedTo('t1');
    expect(d.instance).toMatchObject({ state: 'dispatched', task: { assignees: ['tl1'] } });
    expect(d.send('accept', actors.teamLeader2).ok).toBe(false);
    expect(d.code()).toBe('actor-not-allowed');
    d.ok('accept', actors.teamLeader1);
    expect(d.instance.state).toBe('accepted');
  });

  it('#5 a directed dispatch without a team is refused by the form (teamId required when directed)', () => {
    const d = submitted();
    d.ok('accept_for_dispatch', actors.stationAdmin);
    const outcome = d.send('dispatch', actors.stationAdmin, { data: { mode: 'directed' } });
    expect(outcome.ok).toBe(false);
    expect(d.code()).toBe('form-invalid');
  });

  it('#6 pool mode: the first team leader to accept wins (抢单)', () => {
    const d = submitted();
    d.ok('accept_for_dispatch', actors.stationAdmin);
    d.ok('dispatch', actors.stationAdmin, { data: { mode: 'pool' } });
    expect(d.instance.task).toMatchObject({ assignees: [], pool: { role: 'teamLeader' } });
    expect(availableActions(fiveOrder, d.instance, actors.teamLeader2, d.ctx()).map((a) => a.event)).toEqual(['accept', 'claim']);
    expect(d.send('accept', actors.resident).ok).toBe(false);
    d.ok('accept', actors.teamLeader2);
    expect(d.instance).toMatchObject({ state: 'accepted', vars: { teamLeaderId: 'tl2' } });
    expect(d.send('accept', actors.teamLeader1).ok).toBe(false);
    expect(d.code()).toBe('event-not-available');
    expect(d.send('decline', actors.teamLeader1).ok).toBe(false);
  });

  it('#7 decline returns the order for re-dispatch with declineCount, then another team accepts', () => {
    const d = dispatchedTo('t1');
    d.ok('decline', actors.teamLeader1, { data: { reason: '人手不足' } });
    expect(d.instance).toMatchObject({ state: 'pending_dispatch', vars: { declineCount: 1 } });
    d.ok('dispatch', actors.stationAdmin, { data: { mode: 'directed', teamId: 't2' } });
    d.ok('decline', actors.teamLeader2, { data: { reason: '时间冲突' } });
    expect(d.instance.vars.declineCount).toBe(2);
    d.ok('dispatch', actors.stationAdmin, { data: { mode: 'directed', teamId: 't1' } });
    d.ok('accept', actors.teamLeader1);
    expect(d.instance.state).toBe('accepted');
  });

  it('#8 no acceptance within 24 h: back to dispatch one level up, the team miss recorded', () => {
    const d = dispatchedTo('t1');
    expect(d.instance.timers.find((t) => t.key === 'accept')?.due).toBe('2026-09-29T01:00:00.000Z');
    d.ok('timer', actors.system, { timer: 'accept' });
    expect(d.instance).toMatchObject({ state: 'pending_dispatch', level: 1, task: { assignees: ['ia1'] } });
    expect(records(d.effects())).toEqual(['teamResponseMiss']);
  });

  it('#8 at the center an accept timeout re-dispatches there instead of failing', () => {
    const d = submitted();
    d.ok('escalate', actors.stationAdmin);
    d.ok('escalate', actors.instituteAdmin);
    d.ok('accept_for_dispatch', actors.districtAdmin);
    d.ok('dispatch', actors.districtAdmin, { data: { mode: 'directed', teamId: 't2' } });
    d.ok('timer', actors.system, { timer: 'accept' });
    expect(d.instance).toMatchObject({ state: 'pending_dispatch', level: 2, task: { assignees: ['da1'] } });
  });

  it('#9 #11 start needs the accepting team leader (or a volunteer check-in); complete needs the report with photos', () => {
    const d = dispatchedTo('t1');
    d.ok('accept', actors.teamLeader1);
    expect(d.send('start', actors.teamLeader1).ok).toBe(false);
    expect(d.code()).toBe('guard-false');
    d.at('2026-10-12T01:00:00.000Z');
    expect(d.send('start', actors.resident).ok).toBe(false);
    d.ok('start', actors.volunteer);
    expect(d.instance.state).toBe('in_service');
    expect(d.send('complete', actors.teamLeader1, { data: { ...completion, photos: [] } }).ok).toBe(false);
    expect(d.last.ok ? [] : d.last.rejection.code === 'form-invalid' ? d.last.rejection.issues.map((i) => i.pointer) : []).toContain('/photos');
    d.ok('complete', actors.teamLeader1, { data: completion });
    expect(d.instance.data.complete).toEqual(completion);
  });

  it('#10 no-show: two hours after the expected time the order goes back to dispatch with a strike', () => {
    const d = dispatchedTo('t1');
    d.ok('accept', actors.teamLeader1);
    expect(d.instance.timers).toEqual([{ key: 'noShowGrace', due: '2026-10-12T04:00:00.000Z' }]);
    d.at('2026-10-12T04:00:00.000Z').ok('timer', actors.system, { timer: 'noShowGrace' });
    expect(d.instance).toMatchObject({ state: 'pending_dispatch', vars: { noShowCount: 1 } });
    expect(records(d.effects())).toEqual(['teamStrike']);
  });

  it('#10 the resident can report a no-show', () => {
    const d = dispatchedTo('t1');
    d.ok('accept', actors.teamLeader1);
    d.ok('report_no_show', actors.resident);
    expect(d.instance.state).toBe('pending_dispatch');
  });

  it('#12 a proxy orderer may rate on the resident’s behalf', () => {
    const d = awaitingRating();
    d.ok('rate', actors.proxy, { data: { stars: 4 } });
    expect(d.instance.vars.stars).toBe(4);
  });

  it('#13 the rating window closes the order unrated: never an automatic five-star', () => {
    const d = awaitingRating();
    expect(d.instance.timers.find((t) => t.key === 'ratingWindow')?.due).toBe('2026-10-19T01:30:00.000Z');
    d.ok('timer', actors.system, { timer: 'ratingWindow' });
    expect(d.instance).toMatchObject({ state: 'closed', vars: { rated: false, stars: 0 } });
    expect(d.instance.data.rate).toBeUndefined();
    expect(records(d.effects())).toEqual([]);
    expect(d.send('reopen', actors.stationAdmin, { data: { reason: '回访' } }).ok).toBe(false);
    expect(d.last.ok ? null : d.last.rejection).toMatchObject({ code: 'guard-false', expression: 'vars.rated && vars.stars <= 2', values: { vars: { rated: false, stars: 0 } } });
    expect(d.last.ok ? null : Object.keys((d.last.rejection as { values: object }).values)).toEqual(['vars']);
  });

  it('#14 reopen after a poor rating, by the station or institute, never by the resident', () => {
    const d = awaitingRating();
    d.ok('rate', actors.resident, { data: { stars: 2, comment: '不满意' } });
    expect(d.send('reopen', actors.resident, { data: { reason: '不满意' } }).ok).toBe(false);
    expect(d.code()).toBe('actor-not-allowed');
    d.ok('reopen', actors.instituteAdmin, { data: { reason: '回访不满意' } });
    expect(d.instance).toMatchObject({ state: 'pending_dispatch', vars: { reopenCount: 1, stars: 2 } });
    expect(d.instance.history.find((h) => h.event === 'rate')?.data).toEqual({ stars: 2, comment: '不满意' });
  });

  it('#14 a good rating cannot be reopened', () => {
    const d = awaitingRating();
    d.ok('rate', actors.resident, { data: { stars: 3 } });
    expect(d.send('reopen', actors.stationAdmin, { data: { reason: '复查' } }).ok).toBe(false);
    expect(d.code()).toBe('guard-false');
  });

  it('#15 the requester cancels before acceptance; after acceptance only an admin can', () => {
    const early = submitted();
    early.ok('cancel', actors.resident, { data: { reason: '已解决' } });
    expect(early.instance).toMatchObject({ state: 'cancelled', final: true });
    const late = dispatchedTo('t1');
    late.ok('accept', actors.teamLeader1);
    expect(late.send('cancel', actors.resident, { data: { reason: '不需要了' } }).ok).toBe(false);
    expect(late.code()).toBe('actor-not-allowed');
    late.ok('cancel', actors.stationAdmin, { data: { reason: '群众不需要了' } });
    expect(late.instance.state).toBe('cancelled');
  });

  it('#15 an admin recalls a dispatched order back to dispatch', () => {
    const d = dispatchedTo('t1');
    expect(d.send('recall', actors.otherStationAdmin, { data: { reason: '改派' } }).ok).toBe(false);
    d.ok('recall', actors.stationAdmin, { data: { reason: '改派其他队伍' } });
    expect(d.instance.state).toBe('pending_dispatch');
    expect(d.effects()).toContainEqual({ type: 'cancel', timer: 'accept' });
  });

  it('a stale revision is refused and nothing changes', () => {
    const d = submitted();
    const before = structuredClone(d.instance);
    expect(d.send('accept_for_dispatch', actors.stationAdmin, { expectedRevision: 7 }).ok).toBe(false);
    expect(d.code()).toBe('stale-revision');
    expect(d.instance).toEqual(before);
    d.ok('accept_for_dispatch', actors.stationAdmin, { expectedRevision: 1 });
  });

  it('available actions name exactly what each actor may do', () => {
    const d = submitted();
    expect(availableActions(fiveOrder, d.instance, actors.stationAdmin, d.ctx()).map((a) => a.event)).toEqual(['accept_for_dispatch', 'reject', 'escalate', 'cancel']);
    expect(availableActions(fiveOrder, d.instance, actors.resident, d.ctx()).map((a) => a.event)).toEqual(['cancel', 'remind']);
    expect(availableActions(fiveOrder, d.instance, actors.teamLeader1, d.ctx())).toEqual([]);
  });
});
