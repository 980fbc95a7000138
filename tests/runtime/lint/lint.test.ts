import { describe, expect, it } from 'vitest';
import { createLintContext } from '../../../runtime/lint/context';
import { lintDefinition, lintDefinitions, summarize } from '../../../runtime/lint/lint';
import { parseJsonDocument } from '../../../runtime/lint/json-syntax';
import { defineRule, type DefinitionDocument, type ParsedDefinition } from '../../../runtime/lint/types';

const category = (key: string, version = 1, extra: Record<string, unknown> = {}) => ({
  kind: 'serviceCategory',
  key,
  version,
  title: { 'zh-CN': '理论政策宣讲', en: 'Theory and policy' },
  order: 1,
  ...extra,
});
const team = (categories: string[]) => ({
  kind: 'teamType',
  key: 'lecture-team',
  version: 1,
  title: { 'zh-CN': '理论宣讲志愿服务队', en: 'Theory lecture team' },
  serviceCategories: categories,
});

describe('lintDefinitions', () => {
  it('returns nothing for a consistent set', () => {
    expect(lintDefinitions([{ file: 'c.json', json: category('theory') }, { file: 't.json', json: team(['theory']) }])).toEqual([]);
  });

  it('reports every problem at once, across documents, sorted by file, pointer and code', () => {
    const problems = lintDefinitions([
      { file: 'z.json', json: team(['missing-a', 'missing-b']) },
      { file: 'a.json', json: category('theory', 1, { order: -1, colour: 'red' }) },
    ]);
    expect(problems.map((p) => [p.file, p.pointer, p.code])).toEqual([
      ['a.json', '/colour', 'schema-invalid'],
      ['a.json', '/order', 'schema-invalid'],
      ['z.json', '/serviceCategories/0', 'unresolved-reference'],
      ['z.json', '/serviceCategories/1', 'unresolved-reference'],
    ]);
  });

  it('names a missing field in both languages and keeps the zod issue code', () => {
    const { title: _title, ...untitled } = category('theory');
    const [problem] = lintDefinitions([{ file: 'c.json', json: untitled }]);
    expect(problem).toMatchObject({ pointer: '/title', code: 'schema-invalid', params: { zodCode: 'invalid_type' } });
    expect(problem?.message['zh-CN']).toContain('缺少必填字段');
    expect(problem?.message.en).toContain('missing');
  });

  it('reports a schema fault on its own file only, not again at every reference to it', () => {
    const problems = lintDefinitions([
      { file: 'c.json', json: category('theory', 1, { order: 'first' }) },
      { file: 't.json', json: team(['theory']) },
    ]);
    expect(problems.map((p) => [p.file, p.pointer, p.code])).toEqual([['c.json', '/order', 'schema-invalid']]);
  });

  it('turns a throwing rule into an internal-error naming it, and still runs the other rules', () => {
    const exploding = defineRule({
      name: 'exploding-rule',
      kinds: ['teamType'],
      check() {
        throw new Error('boom');
      },
    });
    const problems = lintDefinitions([{ file: 't.json', json: team(['missing']) }], [
      exploding,
      defineRule({ name: 'always', kinds: ['teamType'], check: (_d, _c, report) => report({ pointer: '/key', code: 'always', message: { 'zh-CN': '总是', en: 'always' } }) }),
    ]);
    expect(problems.map((p) => p.code)).toEqual(['internal-error', 'always']);
    expect(problems[0]?.params).toEqual({ rule: 'exploding-rule' });
    expect(problems[0]?.message.en).toContain('exploding-rule');
  });
});

describe('lintDefinition (a draft against a registry)', () => {
  const registry: DefinitionDocument[] = [
    { file: 'registry/serviceCategory/theory@1', json: category('theory') },
    { file: 'registry/teamType/lecture-team@1', json: team(['theory']) },
    { file: 'registry/teamType/broken@1', json: { ...team(['gone']), key: 'broken' } },
  ];

  it('resolves the draft’s references in the registry and reports only the draft’s problems', () => {
    const draft = { file: 'draft', json: { ...team(['theory', 'culture']), key: 'new-team' } };
    expect(lintDefinition(draft, registry).map((p) => [p.file, p.pointer, p.code])).toEqual([['draft', '/serviceCategories/1', 'unresolved-reference']]);
  });

  it('does not report a draft as a duplicate of its own previous text', () => {
    const edited = { file: 'draft', json: team(['theory']) };
    expect(lintDefinition(edited, registry)).toEqual([]);
  });

  it('still reports a true duplicate within a set', () => {
    const problems = lintDefinitions([...registry.slice(0, 2), { file: 'zz.json', json: team(['theory']) }]);
    expect(problems.map((p) => [p.file, p.code])).toEqual([['zz.json', 'duplicate-definition']]);
  });
});

describe('summarize', () => {
  it('counts errors, warnings, files and codes', () => {
    const problems = lintDefinitions([
      { file: 'a.json', json: category('theory', 1, { title: { 'zh-CN': '理论' } }) },
      { file: 'b.json', json: team(['nope']) },
    ]);
    expect(summarize(problems)).toEqual({ errors: 1, warnings: 1, files: 2, byCode: { 'label-missing-en': 1, 'unresolved-reference': 1 } });
  });
});

describe('createLintContext', () => {
  it('resolves the newest version unless one is pinned', () => {
    const parsed = [2, 1, 3].map((version) => ({ file: `v${version}`, kind: 'serviceCategory', definition: { ...category('theory', version), order: 1 } })) as ParsedDefinition[];
    const context = createLintContext(parsed);
    expect(context.resolve('serviceCategory', 'theory')?.file).toBe('v3');
    expect(context.resolve('serviceCategory', 'theory', 1)?.file).toBe('v1');
    expect(context.resolve('serviceCategory', 'theory', 4)).toBeUndefined();
    expect(context.find('serviceCategory', 'theory').map((p) => p.file)).toEqual(['v1', 'v2', 'v3']);
    expect(context.find('form', 'theory')).toEqual([]);
  });
});

describe('parseJsonDocument', () => {
  it('reports the line and column of a syntax error', () => {
    const result = parseJsonDocument('bad.json', '{\n  "kind": "form",\n  "key": x\n}');
    expect(result).toMatchObject({ problem: { file: 'bad.json', pointer: '', code: 'json-syntax', params: { line: 3, column: 10 } } });
  });

  it('locates an unexpected end at the end of the text', () => {
    expect(parseJsonDocument('cut.json', '{\n  "a": ')).toMatchObject({ problem: { params: { line: 2, column: 8 } } });
  });

  it('accepts a byte-order mark', () => {
    expect(parseJsonDocument('bom.json', '\uFEFF{"a":1}')).toEqual({ document: { file: 'bom.json', json: { a: 1 } } });
  });
});
