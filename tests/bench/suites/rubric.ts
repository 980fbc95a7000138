/**
 * Rubric impact preview at district-province scale: 20,000 units × 30 items, two rubric versions, metrics
 * frozen from each unit's snapshot, tiers and quotas. Baseline: JSON.stringify of the same unit data in the
 * same run, the floor for touching all of it once. Peak memory is measured in a child process (this file,
 * run again with RUBRIC_BENCH_CHILD=1) so the parent's heap does not blur it.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileRubric, previewImpact } from '../../../runtime/rubric/index';
import type { PreviewUnit } from '../../../runtime/rubric/index';
import { RubricDefinition } from '../../../runtime/schema/rubric';
import { stationSnapshot, strong, type StationProfile } from '../../runtime/rubric/snapshots';
import { median, type Benchmark, type BenchResult } from '../harness';

const UNITS = 20_000;
const period = { from: '2025-01-01', to: '2025-12-31' };
const here = fileURLToPath(import.meta.url);

/** The Liangzhou station rubric (23 items + bonus) grown to 30 items by a "service quality" section of 6. */
function versions(): [RubricDefinition, RubricDefinition] {
  const json = JSON.parse(readFileSync(fileURLToPath(new URL('../../../definitions/liangzhou/rubrics/station-rubric.json', import.meta.url)), 'utf8'));
  const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });
  const metricItem = (key: string, metric: Record<string, unknown>, fullAt: number) => ({
    key,
    title: t(key, key),
    points: 5,
    evidence: ['systemMetric'],
    scoring: { mode: 'metric', metric, scale: { type: 'linear', zeroAt: 0, fullAt } },
  });
  json.sections.push({
    key: 'quality',
    title: t('服务质量', 'Service quality'),
    points: 30,
    items: [
      metricItem('q1', { key: 'activities-per-month' }, 4),
      metricItem('q2', { key: 'order-favourable-rate' }, 0.9),
      metricItem('q3', { key: 'team-types-count' }, 3),
      metricItem('q4', { key: 'month-arrangements-share' }, 1),
      metricItem('q5', { key: 'needs-collection-quarters' }, 1),
      metricItem('q6', { key: 'service-point-elements' }, 8),
    ],
  });
  json.totalPoints = 130;
  json.tiers[0].minScore = 117;
  json.tiers[1].minScore = 97.5;
  const before = RubricDefinition.parse(json);
  const draft = structuredClone(json);
  draft.version = 2;
  draft.tiers[0].minScore = 120;
  draft.sections[1].items[1].scoring.scale.fullAt = 0.12;
  draft.sections[2].items[1].scoring.metric.params.minPerMonth = 3;
  return [before, RubricDefinition.parse(draft)];
}

/** Deterministic units (a small LCG, so every run previews the same district). */
function units(count: number): PreviewUnit[] {
  let seed = 42;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const pick = (max: number) => Math.floor(next() * (max + 1));
  const list: PreviewUnit[] = [];
  for (let index = 0; index < count; index++) {
    const profile: StationProfile = {
      ...strong,
      id: `st-${index}`,
      parentId: `inst-${index % 800}`,
      volunteers: 40 + pick(300),
      partyVolunteers: 10 + pick(50),
      rooms: 1 + pick(4),
      haves: pick(8),
      trainings: pick(3),
      yearPlan: next() > 0.2,
      monthsArranged: pick(12),
      busyMonths: pick(12),
      categories: 1 + pick(7),
      headDeploys: pick(3),
      orders: { closed: pick(20), open: pick(4), cancelled: pick(2), rated: pick(12), stars: 3 + pick(2) },
      records: { onTime: pick(30), late: pick(10) },
      quartersSurveyed: pick(4),
      store: next() > 0.5,
    };
    const items = { a1: { met: next() > 0.1 }, a5: { defects: pick(3) }, b1: { met: true }, d2: { value: 3.5 }, e1: { ticked: ['work', 'safety'] }, e4: { grade: 'B' }, f1: { value: 2 } };
    list.push({ unitId: profile.id, parentId: profile.parentId!, snapshot: stationSnapshot(profile), reviews: { district: { items } } });
  }
  return list;
}

function child(): void {
  const data = units(UNITS);
  const [before, after] = versions();
  (globalThis as { gc?: () => void }).gc?.();
  const base = process.memoryUsage();
  const impact = previewImpact(compileRubric(before), compileRubric(after), data, period);
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const end = process.memoryUsage();
  process.stdout.write(JSON.stringify({ baseRss: base.rss, peakRss, heapDelta: end.heapUsed - base.heapUsed, changed: impact.changed.length }));
}

if (process.env.RUBRIC_BENCH_CHILD === '1') child();

export const benchmarks: Benchmark[] = [
  {
    id: 'rubric.preview',
    async run(): Promise<BenchResult[]> {
      const data = units(UNITS);
      const [before, after] = versions();
      const items = before.sections.reduce((sum, section) => sum + section.items.length, 0) + (before.bonus?.items.length ?? 0);
      const previews: number[] = [];
      const floors: number[] = [];
      let changed = 0;
      let bytes = 0;
      for (let round = 0; round < 3; round++) {
        let start = performance.now();
        bytes = JSON.stringify(data).length;
        floors.push(performance.now() - start);
        start = performance.now();
        // Compiling is part of a preview: the draft is new each time it is edited.
        changed = previewImpact(compileRubric(before), compileRubric(after), data, period).changed.length;
        previews.push(performance.now() - start);
      }
      const preview = median(previews);
      const floor = median(floors);
      return [
        {
          id: 'rubric.preview',
          value: preview,
          unit: `ms (${UNITS} units × ${items} items, 2 versions, ${changed} changed)`,
          baseline: `JSON.stringify of the unit data (${(bytes / 1e6).toFixed(0)} MB)`,
          baselineValue: floor,
          ratio: preview / floor,
          target: '≤ 10× baseline',
          met: preview <= floor * 10,
        },
      ];
    },
  },
  {
    id: 'rubric.preview.memory',
    async run(): Promise<BenchResult[]> {
      const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', here], {
        env: { ...process.env, RUBRIC_BENCH_CHILD: '1' },
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      });
      if (result.status !== 0) throw new Error(`child failed: ${result.stderr}`);
      const figures = JSON.parse(result.stdout) as { baseRss: number; peakRss: number; heapDelta: number };
      const mb = (n: number) => n / 1_048_576;
      return [
        {
          id: 'rubric.preview.memory',
          value: mb(Math.max(0, figures.peakRss - figures.baseRss)),
          unit: 'MB peak RSS above the loaded unit data',
          baseline: 'RSS with the unit data loaded',
          baselineValue: mb(figures.baseRss),
          ratio: figures.peakRss / figures.baseRss,
          target: '< 1 GB above the data',
          met: figures.peakRss - figures.baseRss < 1_073_741_824,
        },
      ];
    },
  },
];
