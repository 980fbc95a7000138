import { useEffect, useRef } from 'react';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { chartData, type Report, type ReportChartSpec } from './report-charts';

// echarts-for-react would pull in tslib, which this install lacks; init/setOption/dispose is all it does here.
// Only the parts the dashboard draws, so the chart chunk stays small; SVG keeps text crisp on phones.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** `noBars`: what to say when every bar is zero; `highest`: the caption when only the largest rows are drawn. */
export function ReportChart({ spec, report, locale, label, noBars, highest }: { spec: ReportChartSpec; report: Report; locale: 'zh-CN' | 'en'; label: string; noBars: string; highest: (shown: number, total: number) => string }) {
  const { categories, series, total } = chartData(spec, report, locale);
  const empty = categories.length === 0;
  const option = {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: categories, inverse: true, axisLabel: { width: 110, overflow: 'truncate' } },
    series: series.map((s) => ({ type: 'bar', name: s.name, data: s.data, ...(spec.stacked ? { stack: 'total' } : {}) })),
  };
  const height = Math.max(160, 48 + categories.length * 26);
  const ref = useRef<HTMLDivElement>(null);
  const optionJson = JSON.stringify(option);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption(JSON.parse(optionJson) as echarts.EChartsCoreOption, true);
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => chart.resize());
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      chart.dispose();
    };
  }, [optionJson]);
  if (empty) return <p className="sj-ws-meta" data-chart-empty={spec.name}>{noBars}</p>;
  const chart = <div ref={ref} role="img" aria-label={label} data-chart={spec.name} style={{ height }} />;
  if (total <= categories.length) return chart;
  return (
    <>
      {chart}
      <p className="sj-ws-meta" data-chart-highest={spec.name}>
        {highest(categories.length, total)}
      </p>
    </>
  );
}
