import { z } from 'zod';
import { daysBetween, inPeriod } from '../period';
import { defineMetric } from './types';

export const serviceRecordTimeliness = defineMetric({
  key: 'service-record-timeliness',
  title: { 'zh-CN': '服务记录及时率', en: 'Service records on time' },
  unit: 'share',
  period: 'cycle',
  definition: {
    'zh-CN': '活动后 maxDays 天（默认 7）内定稿的服务记录 ÷ 考评期内活动的服务记录；未定稿的算作不及时，无记录时取 whenNone（默认 0）。',
    en: 'Service records finalised within maxDays (default 7) of the activity ÷ records of activities in the period; unfinalised ones count as late; whenNone (default 0) when there are none.',
  },
  params: z.object({ maxDays: z.number().int().nonnegative().default(7), whenNone: z.number().default(0) }).strict(),
  compute(snapshot, params, period) {
    let total = 0;
    let onTime = 0;
    for (const record of snapshot.serviceRecords ?? []) {
      if (!inPeriod(record.activityDate, period)) continue;
      total++;
      if (record.finalisedAt !== undefined && daysBetween(record.activityDate, record.finalisedAt) <= params.maxDays) onTime++;
    }
    return total === 0 ? params.whenNone : onTime / total;
  },
});

export const storeActive = defineMetric({
  key: 'store-active',
  title: { 'zh-CN': '积分超市运行', en: 'Points store in use' },
  unit: 'flag',
  period: 'cycle',
  definition: {
    'zh-CN': '设有积分超市（爱心超市）且考评期内至少兑换 minRedemptions 次（默认 1）为 1，否则为 0。',
    en: '1 when a points store (love store) exists and had at least minRedemptions (default 1) redemptions in the period, else 0.',
  },
  params: z.object({ minRedemptions: z.number().int().nonnegative().default(1) }).strict(),
  compute(snapshot, params, period) {
    if (snapshot.store?.exists !== true) return 0;
    let count = 0;
    for (const redemption of snapshot.redemptions ?? []) if (inPeriod(redemption.date, period)) count++;
    return count >= params.minRedemptions ? 1 : 0;
  },
});

export const childTierShare = defineMetric({
  key: 'child-tier-share',
  title: { 'zh-CN': '下辖站点达标比例', en: 'Share of child units at a tier' },
  unit: 'share',
  period: 'snapshot',
  definition: {
    'zh-CN': '下辖单位（所辖各站）中等级在 tiers 内的比例（如达标级及以上）；无下辖单位时为 0。',
    en: 'Child units (an institute\'s stations) whose tier is one of `tiers` (e.g. standard or above) ÷ child units; 0 without children.',
  },
  params: z.object({ tiers: z.array(z.string()).min(1) }).strict(),
  compute(snapshot, params) {
    const children = snapshot.children ?? [];
    if (children.length === 0) return 0;
    let count = 0;
    for (const child of children) if (child.tier !== undefined && params.tiers.includes(child.tier)) count++;
    return count / children.length;
  },
});
