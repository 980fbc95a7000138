import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RubricDefinition } from '../../../runtime/schema/rubric';

type RubricInput = Parameters<typeof RubricDefinition.parse>[0];
type ItemInput = Record<string, unknown> & { key: string; points: number; scoring: Record<string, unknown> };

export const t = (zh: string) => ({ 'zh-CN': zh, en: zh });

/** A one-section rubric around the given items (section points = their sum), with standard tiers unless overridden. */
export function rubricOf(items: ItemInput[], extra: Partial<Record<string, unknown>> = {}): RubricDefinition {
  const points = items.reduce((sum, item) => sum + item.points, 0);
  return RubricDefinition.parse({
    kind: 'rubric',
    key: 'test-rubric',
    version: 1,
    title: t('测试'),
    totalPoints: points,
    sections: [{ key: 's', title: t('部分'), points, items: items.map((item) => ({ title: t(item.key), ...item })) }],
    tiers: [
      { key: 'top', title: t('示范级'), minScore: points * 0.9 },
      { key: 'mid', title: t('达标级'), minScore: points * 0.75 },
      { key: 'low', title: t('创建级'), minScore: 0 },
    ],
    ...extra,
  } as RubricInput);
}

/** Sections A, B, C of given item points, each item binary; tiers 90 / 75 / 0 with a 70 % floor on the top tier. */
export function sectionedRubric(sections: Record<string, number[]>, extra: Partial<Record<string, unknown>> = {}): RubricDefinition {
  const built = Object.entries(sections).map(([key, points]) => ({
    key,
    title: t(key),
    points: points.reduce((a, b) => a + b, 0),
    items: points.map((p, index) => ({ key: `${key}${index + 1}`, title: t(`${key}${index + 1}`), points: p, scoring: { mode: 'binary' } })),
  }));
  return RubricDefinition.parse({
    kind: 'rubric',
    key: 'sectioned',
    version: 1,
    title: t('分部分'),
    totalPoints: built.reduce((sum, section) => sum + section.points, 0),
    sections: built,
    vetoes: [{ key: 'v1', title: t('否决') }],
    vetoTier: 'low',
    tiers: [
      { key: 'top', title: t('示范级'), minScore: 90, sectionFloor: 0.7 },
      { key: 'mid', title: t('达标级'), minScore: 75 },
      { key: 'low', title: t('创建级'), minScore: 0 },
    ],
    ...extra,
  } as RubricInput);
}

const root = fileURLToPath(new URL('../../../', import.meta.url));

export function liangzhou(name: 'station-rubric' | 'institute-rubric'): RubricDefinition {
  return RubricDefinition.parse(JSON.parse(readFileSync(`${root}definitions/liangzhou/rubrics/${name}.json`, 'utf8')));
}

export function fixture(name: string): unknown {
  return JSON.parse(readFileSync(`${root}tests/fixtures/rubric/${name}`, 'utf8'));
}

export const year2025 = { from: '2025-01-01', to: '2025-12-31' };
