import { z } from 'zod';
import { hoursBetween, inPeriod } from '../period';
import type { SnapshotOrder, UnitSnapshot, Period } from '../snapshot';
import { defineMetric } from './types';

const whenNone = z.object({ whenNone: z.number().default(0) }).strict();

function ordersIn(snapshot: UnitSnapshot, period: Period): SnapshotOrder[] {
  return (snapshot.orders ?? []).filter((order) => inPeriod(order.submittedAt, period));
}

export const ordersCount = defineMetric({
  key: 'orders-count',
  title: { 'zh-CN': '点单数', en: 'Orders received' },
  unit: 'count',
  period: 'cycle',
  definition: { 'zh-CN': '考评期内提交的点单数（含已拒绝、已取消）。', en: 'Orders submitted in the period, rejected and cancelled ones included.' },
  params: z.object({}).strict(),
  compute(snapshot, _params, period) {
    return ordersIn(snapshot, period).length;
  },
});

export const orderClosureRate = defineMetric({
  key: 'order-closure-rate',
  title: { 'zh-CN': '点单办结率', en: 'Order closure rate' },
  unit: 'share',
  period: 'cycle',
  definition: {
    'zh-CN': '已办结 ÷（提交 − 已取消 − 已拒绝），按考评期内提交的点单计；无有效点单时取 whenNone（默认 0）。',
    en: 'Closed ÷ (submitted − cancelled − rejected), over orders submitted in the period; whenNone (default 0) when there are none.',
  },
  params: whenNone,
  compute(snapshot, params, period) {
    let open = 0;
    let closed = 0;
    for (const order of ordersIn(snapshot, period)) {
      if (order.status === 'cancelled' || order.status === 'rejected') continue;
      open++;
      if (order.status === 'closed') closed++;
    }
    return open === 0 ? params.whenNone : closed / open;
  },
});

export const orderSatisfaction = defineMetric({
  key: 'order-satisfaction',
  title: { 'zh-CN': '群众满意度', en: 'Satisfaction' },
  unit: 'stars',
  period: 'cycle',
  definition: {
    'zh-CN': '已评价点单的平均星级（1–5）；未评价的不计入平均，无评价时取 whenNone（默认 0）。',
    en: 'Mean stars (1–5) of rated orders; unrated orders are left out of the mean; whenNone (default 0) when none is rated.',
  },
  params: whenNone,
  compute(snapshot, params, period) {
    let sum = 0;
    let rated = 0;
    for (const order of ordersIn(snapshot, period)) {
      if (order.rating === undefined) continue;
      sum += order.rating;
      rated++;
    }
    return rated === 0 ? params.whenNone : sum / rated;
  },
});

export const orderRatedShare = defineMetric({
  key: 'order-rated-share',
  title: { 'zh-CN': '评价率', en: 'Share of orders rated' },
  unit: 'share',
  period: 'cycle',
  definition: { 'zh-CN': '已评价的已办结点单 ÷ 已办结点单。', en: 'Closed orders with a rating ÷ closed orders.' },
  params: whenNone,
  compute(snapshot, params, period) {
    let closed = 0;
    let rated = 0;
    for (const order of ordersIn(snapshot, period)) {
      if (order.status !== 'closed') continue;
      closed++;
      if (order.rating !== undefined) rated++;
    }
    return closed === 0 ? params.whenNone : rated / closed;
  },
});

export const orderFavourableRate = defineMetric({
  key: 'order-favourable-rate',
  title: { 'zh-CN': '好评率', en: 'Favourable rate' },
  unit: 'share',
  period: 'cycle',
  definition: { 'zh-CN': '4 星及以上的评价 ÷ 全部评价。', en: 'Ratings of 4 stars or more ÷ all ratings.' },
  params: whenNone,
  compute(snapshot, params, period) {
    let rated = 0;
    let favourable = 0;
    for (const order of ordersIn(snapshot, period)) {
      if (order.rating === undefined) continue;
      rated++;
      if (order.rating >= 4) favourable++;
    }
    return rated === 0 ? params.whenNone : favourable / rated;
  },
});

export const escalatedDispatchHours = defineMetric({
  key: 'escalated-dispatch-hours',
  title: { 'zh-CN': '上报点单派单用时', en: 'Dispatch time of escalated orders' },
  unit: 'hours',
  period: 'cycle',
  definition: {
    'zh-CN': '考评期内上报到本级的点单从上报到派单的用时中位数（小时）；无上报点单时取 whenNone（默认 0）。',
    en: 'Median hours from escalation to dispatch of orders escalated to this unit in the period; whenNone (default 0) when there are none.',
  },
  params: whenNone,
  compute(snapshot, params, period) {
    const hours: number[] = [];
    for (const order of ordersIn(snapshot, period)) {
      if (order.escalatedAt !== undefined && order.dispatchedAt !== undefined) hours.push(hoursBetween(order.escalatedAt, order.dispatchedAt));
    }
    if (hours.length === 0) return params.whenNone;
    hours.sort((a, b) => a - b);
    const mid = hours.length >> 1;
    return hours.length % 2 === 1 ? hours[mid]! : (hours[mid - 1]! + hours[mid]!) / 2;
  },
});
