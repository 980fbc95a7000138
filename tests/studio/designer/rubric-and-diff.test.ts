import { beforeAll, describe, expect, test } from 'vitest';
import { jsonDiff } from '../../../server/util/json-diff';
// The designer's translator: it carries the designer's messages; English loads on demand.
import { loadLocale, translator } from '../../../studio/designer/i18n';
import { describeChange } from '../../../studio/designer/describe-change';
import type { DefinitionBody } from '../../../studio/designer/designer-api';
import { addItem, balance, removeItem, setItem, setSectionPoints, totalsOf, type RubricBody } from '../../../studio/designer/rubric/rubric-model';
import { addField, type FormBody } from '../../../studio/designer/form/form-model';
import { addTransition, type WorkflowBody } from '../../../studio/designer/workflow/workflow-model';
import { lintErrors, packBody } from './pack';

beforeAll(() => loadLocale('en'));

const rubric = () => packBody<RubricBody>('rubric', 'station-rubric');
const section = (body: RubricBody, key: string) => body.sections.findIndex((s) => s.key === key);
const item = (body: RubricBody, s: number, key: string) => body.sections[s]!.items.findIndex((i) => i.key === key);

function sentences(before: DefinitionBody, after: DefinitionBody, locale: 'zh-CN' | 'en' = 'zh-CN'): string[] {
  return jsonDiff(before, after).map((change) => describeChange(change, before, after, translator(locale), locale));
}

describe('rubric totals', () => {
  test('the pack adds up; changing one item turns its section and the whole red until balanced', () => {
    const body = rubric();
    expect(totalsOf(body).ok).toBe(true);
    const s = section(body, 'activity');
    const changed = setItem(body, s, item(body, s, 'c2'), { points: 10 });
    const totals = totalsOf(changed);
    expect(totals.ok).toBe(false);
    expect(totals.sections[s]).toEqual({ key: 'activity', declared: 25, items: 27, ok: false });
    expect(lintErrors(changed).length).toBeGreaterThan(0);
    const balanced = balance(changed);
    expect(balanced.totalPoints).toBe(102);
    expect(totalsOf(balanced).ok).toBe(true);
    expect(lintErrors(balanced)).toEqual([]);
  });

  test('decimal points compare as people count them', () => {
    const body = rubric();
    const s = section(body, 'brand');
    let changed = setItem(body, s, 0, { points: 0.1 });
    changed = setSectionPoints(changed, s, 0.1);
    changed.sections[s]!.items.push({ ...changed.sections[s]!.items[0]!, key: 'f2', points: 0.2 });
    changed = setSectionPoints(changed, s, 0.3);
    expect(totalsOf(changed).sections[s]?.ok).toBe(true);
  });
});

describe('rubric items', () => {
  test('an added item takes the next code of its section and lints clean once the points balance; removal keeps one item', () => {
    const body = rubric();
    const s = section(body, 'activity');
    const added = addItem(body, s, { 'zh-CN': '开展文明实践进家庭活动', en: 'Family activities' }, 2);
    expect(added.sections[s]!.items.at(-1)).toMatchObject({ key: 'c6', points: 2, scoring: { mode: 'binary' } });
    expect(totalsOf(added).ok).toBe(false);
    expect(lintErrors(balance(added))).toEqual([]);
    expect(removeItem(added, s, 5).sections[s]!.items.map((i) => i.key)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    const brand = section(body, 'brand');
    expect(removeItem(body, brand, 0)).toBe(body);
  });
});

describe('diff in words a district officer reads', () => {
  test('rubric points, section points and thresholds', () => {
    const before = rubric();
    const s = section(before, 'activity');
    let after = setItem(before, s, item(before, s, 'c2'), { points: 10 });
    after = setSectionPoints(after, s, 27);
    after.tiers[0]!.minScore = 88;
    const zh = sentences(before, after);
    expect(zh).toEqual([`细则 C2「${before.sections[s]!.items[1]!.title['zh-CN']}」 现为 10 分，原为 8 分`, '大项 有活动 现为 27 分，原为 25 分', '示范级 的分数线现为 88 分，原为 90 分']);
    expect(sentences(before, after, 'en')).toContain(`Item C2「${before.sections[s]!.items[1]!.title.en}」 now 10 points, was 8`);
  });

  test('form fields and workflow steps', () => {
    const form = packBody<FormBody>('form', 'order-completion');
    expect(sentences(form, addField(form, { key: 'followUp', type: 'textarea', zh: '回访安排' }))).toContain('新增字段「回访安排」');
    const flow = packBody<WorkflowBody>('workflow', 'five-order');
    const changed = addTransition(flow, { from: 'in_service', event: 'joint_review', zh: '提交联合审核', to: { key: 'joint_check', zh: '联合审核', kind: 'countersign', roles: ['stationAdmin'], at: 'unit', next: 'awaiting_rating' }, roles: [] });
    const lines = sentences(flow, changed);
    expect(lines).toContain('新增环节「联合审核」');
    expect(lines).toContain('环节「服务中」新增操作「提交联合审核」');
  });
});
