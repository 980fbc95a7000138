import { z } from 'zod';
import { defineMetric } from './types';

export const roomsCount = defineMetric({
  key: 'rooms-count',
  title: { 'zh-CN': '功能室数', en: 'Function rooms' },
  unit: 'count',
  period: 'snapshot',
  definition: {
    'zh-CN': '登记的功能室数，可限定功能室类型（types）和最小容量（minCapacity）；同一类型只计一次。',
    en: 'Registered function rooms, optionally only of the listed types and with at least minCapacity seats; each type counts once.',
  },
  params: z.object({ types: z.array(z.string()).optional(), minCapacity: z.number().nonnegative().optional() }).strict(),
  compute(snapshot, params) {
    const types = new Set<string>();
    for (const room of snapshot.rooms ?? []) {
      if (params.types !== undefined && !params.types.includes(room.type)) continue;
      if (params.minCapacity !== undefined && (room.capacity ?? 0) < params.minCapacity) continue;
      types.add(room.type);
    }
    return types.size;
  },
});

export const lectureCapacity = defineMetric({
  key: 'lecture-capacity',
  title: { 'zh-CN': '理论宣讲场所容量', en: 'Lecture space capacity' },
  unit: 'seats',
  period: 'snapshot',
  definition: {
    'zh-CN': '可用于理论宣讲的功能室（lecture 为真，或类型在 types 中）的最大容纳人数。',
    en: 'Seats of the largest room usable for lectures (marked lecture, or of one of the listed types).',
  },
  params: z.object({ types: z.array(z.string()).optional() }).strict(),
  compute(snapshot, params) {
    let best = 0;
    for (const room of snapshot.rooms ?? []) {
      const usable = room.lecture === true || (params.types?.includes(room.type) ?? false);
      if (usable && (room.capacity ?? 0) > best) best = room.capacity ?? 0;
    }
    return best;
  },
});

export const servicePointElement = defineMetric({
  key: 'service-point-element',
  title: { 'zh-CN': '服务站点要素', en: 'Service point element' },
  unit: 'flag',
  period: 'snapshot',
  definition: { 'zh-CN': '志愿服务站点具备该要素（“八有”之一）为 1，否则为 0。', en: '1 when the service point has the element (one of the "eight haves"), else 0.' },
  params: z.object({ element: z.string().min(1) }).strict(),
  compute(snapshot, params) {
    return snapshot.servicePoint?.elements.includes(params.element) === true ? 1 : 0;
  },
});

export const servicePointElements = defineMetric({
  key: 'service-point-elements',
  title: { 'zh-CN': '服务站点要素数', en: 'Service point elements present' },
  unit: 'count',
  period: 'snapshot',
  definition: { 'zh-CN': '志愿服务站点具备的不同要素数。', en: 'Distinct elements the service point has.' },
  params: z.object({}).strict(),
  compute(snapshot) {
    return new Set(snapshot.servicePoint?.elements ?? []).size;
  },
});
