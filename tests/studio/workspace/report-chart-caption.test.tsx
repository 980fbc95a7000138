// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ReportChart } from '../../../studio/workspace/ReportChart';
import { MAX_BARS, type Report, type ReportChartSpec } from '../../../studio/workspace/report-charts';

afterEach(cleanup);

const spec: ReportChartSpec = { name: 'volunteer-hours', category: ['unitName'], series: ['hours'] };
const report = (count: number): Report => ({
  title: { 'zh-CN': '志愿服务时长', en: 'Volunteer hours' },
  period: null,
  columns: [
    { key: 'unitName', zh: '单位', en: 'Unit' },
    { key: 'hours', zh: '时长', en: 'Hours' },
  ],
  rows: Array.from({ length: count }, (_, index) => ({ unitName: `第${index + 1}站`, hours: index + 1 })),
});
const chart = (count: number) =>
  render(<ReportChart spec={spec} report={report(count)} locale="zh-CN" label="志愿服务时长" noBars="均为 0" highest={(shown, total) => `图中为合计最高的 ${shown} 项（共 ${total} 项）`} />);

describe('a dashboard chart', () => {
  it('says when it draws only the largest rows of a report, and how many the report has', () => {
    chart(MAX_BARS + 12);
    expect(screen.getByRole('img', { name: '志愿服务时长' })).toBeTruthy();
    expect(screen.getByText(`图中为合计最高的 ${MAX_BARS} 项（共 ${MAX_BARS + 12} 项）`)).toBeTruthy();
  });

  it('says nothing of the kind when it draws every row', () => {
    const { container } = chart(MAX_BARS);
    expect(screen.getByRole('img', { name: '志愿服务时长' })).toBeTruthy();
    expect(container.querySelector('[data-chart-highest]')).toBeNull();
  });
});
