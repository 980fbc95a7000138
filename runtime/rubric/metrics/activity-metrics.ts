import { z } from 'zod';
import { inPeriod, monthsOf, quarterOf, quartersOf } from '../period';
import { defineMetric } from './types';

const none = z.object({}).strict();

export const activitiesCount = defineMetric({
  key: 'activities-count',
  title: { 'zh-CN': '活动场次', en: 'Activities held' },
  unit: 'count',
  period: 'cycle',
  definition: {
    'zh-CN': '考评期内开展的活动场次，可按类别筛选。',
    en: 'Activities held in the period, optionally of one category.',
  },
  params: z.object({ category: z.string().optional() }).strict(),
  compute(snapshot, params, period) {
    let count = 0;
    for (const activity of snapshot.activities ?? []) {
      if (inPeriod(activity.date, period) && (params.category === undefined || activity.category === params.category)) count++;
    }
    return count;
  },
});

export const activitiesPerMonth = defineMetric({
  key: 'activities-per-month',
  title: { 'zh-CN': '月均活动场次', en: 'Activities per month' },
  unit: 'perMonth',
  period: 'month',
  definition: { 'zh-CN': '考评期内活动场次 ÷ 考评期月数。', en: 'Activities in the period ÷ months in the period.' },
  params: none,
  compute(snapshot, _params, period) {
    const months = monthsOf(period).length;
    return months === 0 ? 0 : activitiesCount.compute(snapshot, {}, period) / months;
  },
});

export const activityCadenceMonths = defineMetric({
  key: 'activity-cadence-months',
  title: { 'zh-CN': '“周有活动”达标月份占比', en: 'Share of months meeting the weekly cadence' },
  unit: 'share',
  period: 'month',
  definition: {
    'zh-CN': '活动场次不少于 minPerMonth（默认 4，即“周有活动”）的月份数 ÷ 考评期月数。',
    en: 'Months with at least minPerMonth activities (default 4: "weekly activity") ÷ months in the period.',
  },
  params: z.object({ minPerMonth: z.number().int().positive().default(4) }).strict(),
  compute(snapshot, params, period) {
    const months = monthsOf(period);
    if (months.length === 0) return 0;
    const perMonth = new Map<string, number>();
    for (const activity of snapshot.activities ?? []) {
      if (!inPeriod(activity.date, period)) continue;
      const month = activity.date.slice(0, 7);
      perMonth.set(month, (perMonth.get(month) ?? 0) + 1);
    }
    let met = 0;
    for (const month of months) if ((perMonth.get(month) ?? 0) >= params.minPerMonth) met++;
    return met / months.length;
  },
});

export const activityCategories = defineMetric({
  key: 'activity-categories',
  title: { 'zh-CN': '活动覆盖的菜单类别数', en: 'Menu categories served' },
  unit: 'count',
  period: 'cycle',
  definition: {
    'zh-CN': '考评期内活动涉及的不同服务类别数。',
    en: 'Distinct service categories of the activities held in the period.',
  },
  params: none,
  compute(snapshot, _params, period) {
    const categories = new Set<string>();
    for (const activity of snapshot.activities ?? []) {
      if (activity.category !== undefined && inPeriod(activity.date, period)) categories.add(activity.category);
    }
    return categories.size;
  },
});

export const yearPlanFiled = defineMetric({
  key: 'year-plan-filed',
  title: { 'zh-CN': '年度计划已备案', en: 'Year plan filed' },
  unit: 'flag',
  period: 'cycle',
  definition: { 'zh-CN': '考评期结束前已提交年度计划为 1，否则为 0（“年有计划”）。', en: '1 when a year plan was filed by the end of the period, else 0 ("yearly plan").' },
  params: none,
  compute(snapshot, _params, period) {
    return snapshot.yearPlan !== undefined && snapshot.yearPlan.filedAt.slice(0, 10) <= period.to ? 1 : 0;
  },
});

export const monthArrangementFiled = defineMetric({
  key: 'month-arrangement-filed',
  title: { 'zh-CN': '月度安排已备案', en: 'Monthly arrangement filed' },
  unit: 'flag',
  period: 'month',
  definition: {
    'zh-CN': '考评期第 month 个月有月度安排为 1，否则为 0（“月有安排”）。',
    en: '1 when the period\'s month number `month` has a monthly arrangement, else 0 ("monthly arrangement").',
  },
  params: z.object({ month: z.number().int().min(1).max(24) }).strict(),
  compute(snapshot, params, period) {
    const month = monthsOf(period)[params.month - 1];
    if (month === undefined) return 0;
    return (snapshot.monthArrangements ?? []).some((arrangement) => arrangement.month === month) ? 1 : 0;
  },
});

export const monthArrangementsShare = defineMetric({
  key: 'month-arrangements-share',
  title: { 'zh-CN': '有月度安排的月份占比', en: 'Share of months arranged' },
  unit: 'share',
  period: 'month',
  definition: { 'zh-CN': '有月度安排的月份数 ÷ 考评期月数。', en: 'Months with a monthly arrangement ÷ months in the period.' },
  params: none,
  compute(snapshot, _params, period) {
    const months = monthsOf(period);
    if (months.length === 0) return 0;
    const arranged = new Set((snapshot.monthArrangements ?? []).map((arrangement) => arrangement.month));
    return months.filter((month) => arranged.has(month)).length / months.length;
  },
});

export const needsCollectionQuarters = defineMetric({
  key: 'needs-collection-quarters',
  title: { 'zh-CN': '按季征集需求的季度占比', en: 'Share of quarters with needs collected' },
  unit: 'share',
  period: 'quarter',
  definition: {
    'zh-CN': '至少开展 1 次需求征集（问卷、走访）的季度数 ÷ 考评期季度数。',
    en: 'Quarters with at least one needs collection (survey, visits) ÷ quarters in the period.',
  },
  params: none,
  compute(snapshot, _params, period) {
    const quarters = quartersOf(period);
    if (quarters.length === 0) return 0;
    const seen = new Set<string>();
    for (const survey of snapshot.needsSurveys ?? []) if (inPeriod(survey.date, period)) seen.add(quarterOf(survey.date));
    return seen.size / quarters.length;
  },
});
