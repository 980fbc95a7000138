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

  it('draw no bars when every one would be zero, and at most MAX_BARS', () => {
    expect(chartData(spec, report([0, 0, 0]), 'zh-CN')).toEqual({ categories: [], series: [] });
    const many = chartData(spec, report(Array.from({ length: MAX_BARS + 5 }, (_, index) => index)), 'en');
    expect(many.categories).toHaveLength(MAX_BARS);
    expect(many.series).toEqual([{ name: 'Activities', data: Array.from({ length: MAX_BARS }, (_, index) => index) }]);
  });
});
