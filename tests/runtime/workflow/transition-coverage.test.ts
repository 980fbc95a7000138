import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../../runtime/schema/workflow';
import type { HistoryEntry } from '../../../runtime/workflow/index';
import { actors, Driver, packWorkflow } from './helpers';

/**
 * Every transition of the Liangzhou flows (DOMAIN §6.2 and §7.2) is taken by at least one scripted
 * run, timers included: a transition nobody can reach in practice would show up here.
 */
type ActorKey = keyof typeof actors;
type Step = [ActorKey, string, Record<string, unknown>?, string?];
const reason = { reason: '情况说明' };
const completion = { summary: '打扫院落并陪老人聊天', serviceHours: 2, volunteerCount: 3, beneficiaryCount: 1, photos: ['p1.jpg'] };
const selfAssessment = { summary: '全年开展志愿服务活动48次，群众满意。', declaration: true, declarantName: '王站长' };
const directed = { mode: 'directed', teamId: 't1' };
const toAccepted: Step[] = [['stationAdmin', 'accept_for_dispatch'], ['stationAdmin', 'dispatch', directed], ['teamLeader1', 'accept']];
const toRating: Step[] = [...toAccepted, ['teamLeader1', 'start'], ['teamLeader1', 'complete', completion]];

const orderScripts: Step[][] = [
  [['stationAdmin', 'escalate'], ['instituteAdmin', 'reject', reason]],
  [['resident', 'cancel', reason]],
  [['stationAdmin', 'accept_for_dispatch'], ['stationAdmin', 'escalate'], ['resident', 'cancel', reason]],
  [['stationAdmin', 'accept_for_dispatch'], ['stationAdmin', 'dispatch', directed], ['teamLeader1', 'decline', reason], ['stationAdmin', 'dispatch', directed],
    ['system', 'timer', undefined, 'accept'], ['instituteAdmin', 'dispatch', directed], ['stationAdmin', 'recall', reason], ['instituteAdmin', 'dispatch', { mode: 'pool' }], ['resident', 'cancel', reason]],
  [...toAccepted, ['system', 'timer', undefined, 'noShowGrace'], ['stationAdmin', 'dispatch', directed], ['teamLeader1', 'accept'], ['resident', 'report_no_show'],
    ['stationAdmin', 'dispatch', directed], ['teamLeader1', 'accept'], ['stationAdmin', 'cancel', reason]],
  [...toRating, ['system', 'timer', undefined, 'ratingWindow'], ['system', 'timer', undefined, 'reopenWindow']],
  [...toRating, ['resident', 'rate', { stars: 1 }], ['stationAdmin', 'reopen', reason]],
  // A wish on the wish wall: the server records the claiming team, the order goes straight to 已接单.
  [['system', 'take_wish', { teamId: 't1', teamLeaderId: 'tl1', how: 'claimed' }], ['teamLeader1', 'start'], ['teamLeader1', 'complete', completion], ['resident', 'rate', { stars: 5 }]],
];
const station = { cycleId: '2026', subjectLevel: 'station', assessors: ['as1', 'as2'], opensAt: '2026-11-02T00:00:00.000Z' };
const scoreAndApprove: Step[] = [['assessor1', 'score'], ['assessor2', 'score'], ['districtLeader', 'approve']];
const assessmentScripts: [Record<string, unknown>, string, Step[]][] = [
  [station, 's1', [['system', 'timer', undefined, 'opens'], ['stationAdmin', 'submit', selfAssessment], ['instituteAdmin', 'return', reason], ['stationAdmin', 'submit', selfAssessment],
    ['instituteAdmin', 'institute_approve'], ...scoreAndApprove, ['stationAdmin', 'appeal', { items: ['C2'], reason: '漏计' }],
    ['districtLeader', 'decide', { decision: 'amended', comment: '改正' }], ['system', 'timer', undefined, 'notice'], ['districtAdmin', 'revoke', reason]]],
  [{ ...station, subjectLevel: 'institute' }, 'i1', [['districtAdmin', 'open'], ['instituteAdmin', 'submit', selfAssessment], ['districtAdmin', 'return', reason],
    ['instituteAdmin', 'submit', selfAssessment], ...scoreAndApprove, ['instituteAdmin', 'appeal', { items: ['B2'], reason: '漏计' }], ['districtLeader', 'decide', { decision: 'upheld', comment: '维持' }]]],
];

/** `from -event-> to` of every transition a history took; a timer counts as the event it fired. */
function taken(definition: WorkflowDefinition, history: readonly HistoryEntry[]): string[] {
  return history.flatMap((h) => {
    if (h.from === null) return [];
    const event = h.event === 'timer' ? definition.states[h.from]?.timers.find((t) => t.key === h.timer)?.event : h.event;
    return event ? [`${h.from} -${event}-> ${h.to}`] : [];
  });
}
const all = (definition: WorkflowDefinition) =>
  Object.entries(definition.states).flatMap(([key, state]) => state.transitions.map((t) => `${key} -${t.event}-> ${t.to}`));

function run(definition: WorkflowDefinition, start: { actor: ActorKey; unit: string; input: Record<string, unknown> }, steps: Step[]) {
  const d = new Driver(definition, '2026-11-02T01:00:00.000Z', { actor: actors[start.actor], input: start.input, unit: start.unit });
  for (const [actor, event, data, timer] of steps) d.ok(event, actors[actor], { ...(data ? { data } : {}), ...(timer ? { timer } : {}) });
  return d.instance.history;
}

describe('transition coverage of the Liangzhou flows', () => {
  it('five-order: all transitions of DOMAIN §6.2 are taken', () => {
    const fiveOrder = packWorkflow('five-order');
    const covered = new Set(orderScripts.flatMap((steps) => taken(fiveOrder, run(fiveOrder, { actor: 'resident', unit: 's1', input: { description: '打扫院落', expectedTime: '2026-11-02T01:30:00.000Z' } }, steps))));
    expect(all(fiveOrder).filter((t) => !covered.has(t))).toEqual([]);
  });

  it('assessment: all transitions of DOMAIN §7.2 are taken', () => {
    const assessment = packWorkflow('assessment');
    const covered = new Set(assessmentScripts.flatMap(([input, unit, steps]) => taken(assessment, run(assessment, { actor: 'districtAdmin', unit, input }, steps))));
    expect(all(assessment).filter((t) => !covered.has(t))).toEqual([]);
  });
});
