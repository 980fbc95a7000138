import { z } from 'zod';
import { inPeriod, quarterOf, quartersOf } from '../period';
import { defineMetric } from './types';

export const meetingsCount = defineMetric({
  key: 'meetings-count',
  title: { 'zh-CN': '会议次数', en: 'Meetings held' },
  unit: 'count',
  period: 'cycle',
  definition: { 'zh-CN': '考评期内某类会议（type）的次数。', en: 'Meetings of the given type held in the period.' },
  params: z.object({ type: z.string().min(1) }).strict(),
  compute(snapshot, params, period) {
    let count = 0;
    for (const meeting of snapshot.meetings ?? []) if (meeting.type === params.type && inPeriod(meeting.date, period)) count++;
    return count;
  },
});

/** One cadence rule of the source: at least `count` meetings of `type` per year (the period) or per quarter. */
export const CadenceRule = z
  .object({ type: z.string().min(1), count: z.number().int().positive(), per: z.enum(['year', 'quarter']) })
  .strict();
export type CadenceRule = z.infer<typeof CadenceRule>;

export const meetingCadence = defineMetric({
  key: 'meeting-cadence',
  title: { 'zh-CN': '会议频次达标率', en: 'Meeting cadence met' },
  unit: 'share',
  period: 'quarter',
  definition: {
    'zh-CN':
      '应开会议中已开的比例：每条规则（如党委专题研究每年 ≥ 2 次、主要领导专题调研每季度 ≥ 1 次、分管领导督促推进每季度 ≥ 2 次、站长部署每年 ≥ 2 次）按年或按季计应开次数，每个年/季最多计到应开次数，已开合计 ÷ 应开合计。',
    en:
      'Required meetings held ÷ required: each rule (e.g. committee study ≥ 2/year, main leader research ≥ 1/quarter, leader in charge ≥ 2/quarter, station head deploys ≥ 2/year) requires its count per year or per quarter; meetings beyond the count in a year or quarter do not make up for another.',
  },
  params: z.object({ rules: z.array(CadenceRule).min(1) }).strict(),
  compute(snapshot, params, period) {
    const quarters = quartersOf(period);
    let required = 0;
    let held = 0;
    for (const rule of params.rules) {
      const byQuarter = new Map<string, number>();
      let total = 0;
      for (const meeting of snapshot.meetings ?? []) {
        if (meeting.type !== rule.type || !inPeriod(meeting.date, period)) continue;
        total++;
        const quarter = quarterOf(meeting.date);
        byQuarter.set(quarter, (byQuarter.get(quarter) ?? 0) + 1);
      }
      if (rule.per === 'year') {
        required += rule.count;
        held += Math.min(total, rule.count);
      } else {
        for (const quarter of quarters) {
          required += rule.count;
          held += Math.min(byQuarter.get(quarter) ?? 0, rule.count);
        }
      }
    }
    return required === 0 ? 0 : held / required;
  },
});
