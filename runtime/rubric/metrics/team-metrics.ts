import { z } from 'zod';
import { inPeriod } from '../period';
import { defineMetric } from './types';

const none = z.object({}).strict();

export const volunteerRatio = defineMetric({
  key: 'volunteer-ratio',
  title: { 'zh-CN': '注册志愿者占常住人口比例', en: 'Registered volunteers per resident' },
  unit: 'ratio',
  period: 'snapshot',
  definition: { 'zh-CN': '注册志愿者人数 ÷ 常住人口；人口未知时为 0。', en: 'Registered volunteers ÷ resident population; 0 when the population is unknown.' },
  params: none,
  compute(snapshot) {
    const population = snapshot.unit.population ?? 0;
    return population > 0 ? (snapshot.volunteers?.registered ?? 0) / population : 0;
  },
});

export const partyMemberVolunteerRatio = defineMetric({
  key: 'party-member-volunteer-ratio',
  title: { 'zh-CN': '党员志愿者占党员比例', en: 'Party members registered as volunteers' },
  unit: 'ratio',
  period: 'snapshot',
  definition: { 'zh-CN': '注册为志愿者的党员人数 ÷ 本单位党员人数；党员数未知时为 0。', en: 'Party members registered as volunteers ÷ local Party members; 0 when unknown.' },
  params: none,
  compute(snapshot) {
    const members = snapshot.unit.partyMembers ?? 0;
    return members > 0 ? (snapshot.volunteers?.partyMembers ?? 0) / members : 0;
  },
});

export const teamsCount = defineMetric({
  key: 'teams-count',
  title: { 'zh-CN': '志愿服务队数', en: 'Volunteer teams' },
  unit: 'count',
  period: 'snapshot',
  definition: {
    'zh-CN': '志愿服务队数，可限定队伍类型（type）或仅计应急队（emergency）。',
    en: 'Volunteer teams, optionally only of one team type or only emergency teams.',
  },
  params: z.object({ type: z.string().optional(), emergency: z.boolean().optional() }).strict(),
  compute(snapshot, params) {
    let count = 0;
    for (const team of snapshot.teams ?? []) {
      if (params.type !== undefined && team.type !== params.type) continue;
      if (params.emergency !== undefined && (team.emergency ?? team.type === 'emergency') !== params.emergency) continue;
      count++;
    }
    return count;
  },
});

export const teamTypesCount = defineMetric({
  key: 'team-types-count',
  title: { 'zh-CN': '志愿服务队类型数', en: 'Team types present' },
  unit: 'count',
  period: 'snapshot',
  definition: { 'zh-CN': '不同类型的志愿服务队数。', en: 'Distinct team types among the unit\'s teams.' },
  params: none,
  compute(snapshot) {
    return new Set((snapshot.teams ?? []).map((team) => team.type)).size;
  },
});

export const trainingsCount = defineMetric({
  key: 'trainings-count',
  title: { 'zh-CN': '骨干培训次数', en: 'Backbone trainings' },
  unit: 'count',
  period: 'cycle',
  definition: { 'zh-CN': '考评期内开展的骨干培训次数（“培训一批工作骨干”）。', en: 'Backbone staff trainings held in the period ("train backbone staff").' },
  params: none,
  compute(snapshot, _params, period) {
    let count = 0;
    for (const training of snapshot.trainings ?? []) if (inPeriod(training.date, period)) count++;
    return count;
  },
});
