import { describe, expect, it } from 'vitest';
import { chartData, MAX_BARS, shortUnitName, type Report, type ReportChartSpec } from '../../../studio/workspace/report-charts';

const spec: ReportChartSpec = { name: 'activity-cadence', category: ['unitName'], series: ['activities'] };
const report = (values: number[]): Report => ({
  title: { 'zh-CN': '活动常态化', en: 'Activity cadence' },
  period: { from: '2026-01-01', to: '2026-03-02' },
  columns: [
    { key: 'unitName', zh: '单位', en: 'Unit' },
    { key: 'activities', zh: '活动数', en: 'Activities' },
  ],
  rows: values.map((activities, index) => ({ unitName: `黄羊镇第${index + 1}村新时代文明实践站`, activities })),
});

describe('dashboard charts', () => {
  it('label units by the part that tells them apart', () => {
    expect(shortUnitName('黄羊镇红星村新时代文明实践站')).toBe('黄羊镇红星村');
    expect(shortUnitName('黄羊镇新时代文明实践所')).toBe('黄羊镇（所）');
    expect(shortUnitName('凉州区新时代文明实践中心')).toBe('凉州区（中心）');
    expect(shortUnitName('Hongxing Practice Station, Huangyang')).toBe('Hongxing, Huangyang');
    expect(shortUnitName('志愿服务队')).toBe('志愿服务队');
    expect(chartData(spec, report([3, 0]), 'zh-CN').categories).toEqual(['黄羊镇第1村', '黄羊镇第2村']);
  });

  it('draw no bars when every one would be zero', () => {
    expect(chartData(spec, report([0, 0, 0]), 'zh-CN')).toEqual({ categories: [], series: [], total: 3 });
  });

  it('draw every row of a short report in its own order', () => {
    const few = chartData(spec, report([1, 5, 3]), 'en');
    expect(few.categories).toEqual(['黄羊镇第1村', '黄羊镇第2村', '黄羊镇第3村']);
    expect(few.series).toEqual([{ name: 'Activities', data: [1, 5, 3] }]);
    expect(few.total).toBe(3);
  });

  it('of a longer report, draw the MAX_BARS largest, largest first, and say how many there are', () => {
    // The org tree's order puts the quiet units first and the busiest last.
    const values = Array.from({ length: MAX_BARS + 5 }, (_, index) => index);
    const many = chartData(spec, report(values), 'en');
    expect(many.total).toBe(MAX_BARS + 5);
    expect(many.categories).toHaveLength(MAX_BARS);
    expect(many.series).toEqual([{ name: 'Activities', data: values.slice(5).reverse() }]);
    expect(many.categories[0]).toBe(`黄羊镇第${MAX_BARS + 5}村`);
    // Ties keep the report's order.
    const ties = chartData(spec, report(Array.from({ length: MAX_BARS + 2 }, () => 7)), 'zh-CN');
    expect(ties.categories.at(-1)).toBe(`黄羊镇第${MAX_BARS}村`);
  });

  it('rank by the total of every drawn series, a stacked chart by its whole bar', () => {
    const stacked: ReportChartSpec = { name: 'tiers', category: ['parentName'], series: ['demonstration', 'standard'], stacked: true };
    const rows = Array.from({ length: MAX_BARS + 1 }, (_, index) => ({ parentName: `第${index + 1}所`, demonstration: index === 0 ? 0 : 1, standard: index === 0 ? 0 : 1 }));
    // The last unit: nothing at the demonstration tier, but the largest bar.
    rows.push({ parentName: '末所', demonstration: 0, standard: 9 });
    const chart = chartData(stacked, { title: { 'zh-CN': '等级', en: 'Tiers' }, period: null, columns: [{ key: 'parentName', zh: '所', en: 'Institute' }, { key: 'demonstration', zh: '示范级', en: 'Demonstration' }, { key: 'standard', zh: '达标级', en: 'Standard' }], rows }, 'zh-CN');
    expect(chart.categories[0]).toBe('末所');
    expect(chart.categories).not.toContain('第1所');
    expect(chart.total).toBe(MAX_BARS + 2);
  });
});
