import { describe, expect, it } from 'vitest';
import { ajvMessage, ajvMessageKeywords, validateFormData, type FormIssue } from '../../../runtime/form/index';

const form = (schema: Record<string, unknown>) => ({ schema });
const only = (issues: FormIssue[]) => {
  expect(issues).toHaveLength(1);
  return issues[0]!;
};

describe('validateFormData: pointers and codes', () => {
  const profile = form({
    type: 'object',
    required: ['name', 'address'],
    properties: {
      name: { type: 'string', minLength: 2, maxLength: 10 },
      stars: { type: 'integer', minimum: 1, maximum: 5 },
      share: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1, multipleOf: 0.25 },
      phone: { type: 'string', pattern: '^1[0-9]{10}$' },
      email: { type: 'string', format: 'email' },
      day: { type: 'string', format: 'date' },
      kind: { enum: ['a', 'b'] },
      consent: { const: true },
      photos: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 2, uniqueItems: true },
      address: { type: 'object', required: ['village'], properties: { village: { type: 'string' } }, additionalProperties: false },
      'a/b': { type: 'string' },
      members: { type: 'array', items: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, hours: { type: 'number', minimum: 0 } } } },
    },
  });
  const valid = { name: '张三', address: { village: '某村' } };

  it('valid data gives no issues', () => {
    expect(validateFormData(profile, valid)).toEqual([]);
    expect(validateFormData(profile, { ...valid, stars: 5, share: 0.5, phone: '13800000000', email: 'a@b.cn', day: '2026-02-28', kind: 'a', consent: true, photos: ['att-1'], members: [{ name: 'x', hours: 1 }] })).toEqual([]);
  });

  it.each([
    [{ address: { village: 'v' } }, '/name', 'required', { 'zh-CN': '此项为必填项', en: 'This field is required' }],
    [{ ...valid, address: {} }, '/address/village', 'required', { 'zh-CN': '此项为必填项', en: 'This field is required' }],
    [{ ...valid, stars: 'five' }, '/stars', 'type', { 'zh-CN': '应填写整数', en: 'Must be a whole number' }],
    [{ ...valid, stars: 0 }, '/stars', 'minimum', { 'zh-CN': '不能小于 1', en: 'Must be at least 1' }],
    [{ ...valid, stars: 6 }, '/stars', 'maximum', { 'zh-CN': '不能大于 5', en: 'Must be at most 5' }],
    [{ ...valid, share: 0 }, '/share', 'exclusiveMinimum', { 'zh-CN': '必须大于 0', en: 'Must be greater than 0' }],
    [{ ...valid, share: 1 }, '/share', 'exclusiveMaximum', { 'zh-CN': '必须小于 1', en: 'Must be less than 1' }],
    [{ ...valid, share: 0.3 }, '/share', 'multipleOf', { 'zh-CN': '必须是 0.25 的倍数', en: 'Must be a multiple of 0.25' }],
    [{ ...valid, name: '张' }, '/name', 'minLength', { 'zh-CN': '至少 2 个字符', en: 'Must be at least 2 characters' }],
    [{ ...valid, name: '张'.repeat(11) }, '/name', 'maxLength', { 'zh-CN': '最多 10 个字符', en: 'Must be at most 10 characters' }],
    [{ ...valid, phone: '123' }, '/phone', 'pattern', { 'zh-CN': '格式不正确', en: 'Does not have the expected form' }],
    [{ ...valid, email: 'nope' }, '/email', 'format', { 'zh-CN': '请填写有效电子邮箱', en: 'Must be a valid email address' }],
    [{ ...valid, day: '2026-02-30' }, '/day', 'format', { 'zh-CN': '请填写有效日期（YYYY-MM-DD）', en: 'Must be a valid date (YYYY-MM-DD)' }],
    [{ ...valid, kind: 'c' }, '/kind', 'enum', { 'zh-CN': '请从给定选项中选择', en: 'Choose one of the allowed values' }],
    [{ ...valid, consent: false }, '/consent', 'const', { 'zh-CN': '取值必须是 true', en: 'Must be true' }],
    [{ ...valid, photos: [] }, '/photos', 'minItems', { 'zh-CN': '至少 1 项', en: 'Must have at least 1 item' }],
    [{ ...valid, photos: ['a', 'b', 'c'] }, '/photos', 'maxItems', { 'zh-CN': '最多 2 项', en: 'Must have at most 2 items' }],
    [{ ...valid, photos: ['a', 'a'] }, '/photos', 'uniqueItems', { 'zh-CN': '第 1 项与第 2 项重复', en: 'Items 1 and 2 are the same' }],
    [{ ...valid, photos: [1] }, '/photos/0', 'type', { 'zh-CN': '应填写文本', en: 'Must be text' }],
    [{ ...valid, address: { village: 'v', town: 't' } }, '/address/town', 'additionalProperties', { 'zh-CN': '不允许的字段 town', en: 'Field town is not allowed' }],
    [{ ...valid, 'a/b': 1 }, '/a~1b', 'type', { 'zh-CN': '应填写文本', en: 'Must be text' }],
    [{ ...valid, members: [{ name: 'x' }, { hours: 1 }] }, '/members/1/name', 'required', { 'zh-CN': '此项为必填项', en: 'This field is required' }],
    [{ ...valid, members: [{ name: 'x', hours: -1 }] }, '/members/0/hours', 'minimum', { 'zh-CN': '不能小于 0', en: 'Must be at least 0' }],
  ])('%j → %s %s', (data, pointer, code, message) => {
    const issue = only(validateFormData(profile, data));
    expect(issue).toMatchObject({ pointer, code, message });
  });

  it('reports every problem at once', () => {
    const issues = validateFormData(profile, { stars: 9, phone: 'x' });
    expect(issues.map((i) => `${i.pointer} ${i.code}`).sort()).toEqual(['/address required', '/name required', '/phone pattern', '/stars maximum']);
  });

  it('keeps ajv params for clients that build their own text', () => {
    expect(only(validateFormData(profile, { ...valid, stars: 6 })).params).toMatchObject({ limit: 5 });
  });

  it('a root that is not an object is one type issue at the root pointer', () => {
    expect(only(validateFormData(form({ type: 'object' }), 'text'))).toMatchObject({ pointer: '', code: 'type' });
    expect(only(validateFormData(form({ type: 'object' }), null))).toMatchObject({ pointer: '', code: 'type' });
  });
});

describe('validateFormData: combinators', () => {
  it('oneOf/anyOf give one issue for the combinator, not one per branch', () => {
    const contact = form({ type: 'object', anyOf: [{ required: ['phone'] }, { required: ['email'] }] });
    expect(only(validateFormData(contact, {}))).toMatchObject({ pointer: '', code: 'anyOf', message: { 'zh-CN': '必须至少符合其中一种情形' } });
    const either = form({ type: 'object', properties: { v: { oneOf: [{ type: 'string' }, { type: 'number', minimum: 0 }] } } });
    expect(only(validateFormData(either, { v: -1 }))).toMatchObject({ pointer: '/v', code: 'oneOf', message: { en: 'Must match exactly one of the alternatives' } });
    expect(validateFormData(either, { v: 'x' })).toEqual([]);
  });

  it('if/then reports what the branch requires; the generic if issue only when nothing explains it', () => {
    const dispatch = form({
      type: 'object',
      properties: { mode: { enum: ['directed', 'pool'] }, teamId: { type: 'string' } },
      if: { properties: { mode: { const: 'directed' } }, required: ['mode'] },
      then: { required: ['teamId'] },
    });
    expect(only(validateFormData(dispatch, { mode: 'directed' }))).toMatchObject({ pointer: '/teamId', code: 'required' });
    expect(validateFormData(dispatch, { mode: 'pool' })).toEqual([]);
    const bare = form({ if: { const: 1 }, then: false });
    expect(only(validateFormData(bare, 1))).toMatchObject({ pointer: '', code: 'false schema', message: { en: 'No value is allowed here' } });
    // ajv reports `if` alone only when the branch left nothing more specific; its text names the branch.
    expect(ajvMessage('if', { failingKeyword: 'else' })).toEqual({ 'zh-CN': '不满足条件对应的要求（否则分支）', en: 'Does not meet the requirement for this case (the "else" branch)' });
  });

  it('has a bilingual message for every keyword the brief lists, and a fallback for the rest', () => {
    for (const keyword of ['required', 'type', 'minimum', 'maximum', 'exclusiveMinimum', 'minLength', 'maxLength', 'pattern', 'format', 'enum', 'const', 'minItems', 'maxItems', 'uniqueItems', 'additionalProperties', 'oneOf', 'anyOf', 'if']) {
      expect(ajvMessageKeywords).toContain(keyword);
    }
    const odd = form({ type: 'object', propertyNames: { maxLength: 2 }, not: { required: ['x'] } });
    const issues = validateFormData(odd, { abc: 1 });
    expect(issues.map((i) => i.code)).toContain('propertyNames');
    expect(ajvMessage('someFutureKeyword', {})).toEqual({ 'zh-CN': '取值无效', en: 'Invalid value' });
    for (const issue of issues) {
      expect(issue.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(issue.message.en).toBeTruthy();
    }
  });
});

describe('validateFormData: what integrators bring', () => {
  it('accepts unknown keywords (strict off) and the JSON Forms i18n key', () => {
    const schema = form({ type: 'object', 'x-widget': 'map', properties: { a: { type: 'string', i18n: 'a', 'x-personal': true } } });
    expect(validateFormData(schema, { a: 'x' })).toEqual([]);
    expect(only(validateFormData(schema, { a: 1 }))).toMatchObject({ pointer: '/a', code: 'type' });
  });

  it('understands 2020-12 schemas', () => {
    const schema = form({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: { list: { type: 'array', prefixItems: [{ type: 'string' }] } } });
    expect(only(validateFormData(schema, { list: [1] }))).toMatchObject({ pointer: '/list/0', code: 'type' });
  });

  it('two forms with the same $id both validate (a new version of a form reuses its $id)', () => {
    const v1 = form({ $id: 'https://example.org/form', type: 'object', required: ['a'] });
    const v2 = form({ $id: 'https://example.org/form', type: 'object', required: ['b'] });
    expect(only(validateFormData(v1, {})).pointer).toBe('/a');
    expect(only(validateFormData(v2, {})).pointer).toBe('/b');
    expect(only(validateFormData(v1, {})).pointer).toBe('/a');
  });

  it('a schema that cannot compile is one schema-invalid issue, not an exception', () => {
    const broken = form({ type: 'object', properties: { a: { $ref: '#/definitions/missing' } } });
    expect(only(validateFormData(broken, {}))).toMatchObject({ pointer: '', code: 'schema-invalid' });
    expect(only(validateFormData(form({ type: 12 }), {}))).toMatchObject({ code: 'schema-invalid' });
  });

  it('file and photo fields are arrays of attachment ids', () => {
    const completion = form({ type: 'object', properties: { photos: { type: 'array', items: { type: 'string' }, minItems: 1 } }, required: ['photos'] });
    expect(validateFormData(completion, { photos: ['att-1', 'att-2'] })).toEqual([]);
    expect(only(validateFormData(completion, { photos: [{ url: 'x' }] }))).toMatchObject({ pointer: '/photos/0', code: 'type' });
  });
});

describe('validateFormData: prototype-pollution keys', () => {
  const open = form({ type: 'object' });

  it('refuses __proto__, constructor and prototype keys anywhere, and applies none of them', () => {
    const data = JSON.parse('{"__proto__": {"polluted": true}, "a": {"constructor": {"prototype": {"x": 1}}}, "list": [{"prototype": 1}]}') as unknown;
    const issues = validateFormData(open, data);
    expect(issues.map((i) => i.pointer).sort()).toEqual(['/__proto__', '/a/constructor', '/list/0/prototype']);
    for (const issue of issues) {
      expect(issue.code).toBe('unsafe-key');
      expect(issue.message['zh-CN']).toContain('不允许');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('also when the schema declares such a property', () => {
    const declared = form({ type: 'object', properties: { constructor: { type: 'string' } } });
    expect(only(validateFormData(declared, JSON.parse('{"constructor": "x"}')))).toMatchObject({ code: 'unsafe-key', pointer: '/constructor' });
  });

  it('survives cyclic data handed in by code', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(() => validateFormData(form({ type: 'object', properties: { a: { type: 'number' } } }), cyclic)).not.toThrow();
  });
});

describe('validateFormData: a form without a usable schema', () => {
  it('is one schema-invalid issue, never an exception', () => {
    expect(validateFormData({ schema: undefined as unknown as Record<string, unknown> }, {})).toMatchObject([{ pointer: '', code: 'schema-invalid' }]);
    expect(validateFormData({ schema: [] as unknown as Record<string, unknown> }, {})).toMatchObject([{ code: 'schema-invalid' }]);
  });
});
