import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { schemaProblems } from '../../../runtime/lint/schema-problems';

const problemsOf = (schema: z.ZodType, json: unknown) => {
  const result = schema.safeParse(json);
  return result.success ? [] : schemaProblems('f.json', json, result.error.issues).map((p) => [p.pointer, p.params?.zodCode, p.message['zh-CN']]);
};

describe('schemaProblems', () => {
  const Mode = z.discriminatedUnion('mode', [
    z.object({ mode: z.literal('binary'), atLeast: z.number() }).strict(),
    z.object({ mode: z.literal('judgement'), options: z.array(z.string()).min(2) }).strict(),
  ]);

  it('names the allowed values of a discriminator at the discriminator', () => {
    expect(problemsOf(z.object({ scoring: Mode }), { scoring: { mode: 'guess' } })).toEqual([
      ['/scoring/mode', 'invalid_union', '取值无效，允许的值："binary", "judgement"'],
    ]);
  });

  it('reports the union branch that got furthest, at its own pointer', () => {
    const Item = z.union([z.string(), z.object({ points: z.number() }).strict()]);
    expect(problemsOf(z.object({ items: z.array(Item) }), { items: ['a', { points: 'ten' }] })).toEqual([
      ['/items/1/points', 'invalid_type', '类型错误：应为数字'],
    ]);
  });

  it('escapes pointer tokens and tells a missing field from a wrong one', () => {
    const schema = z.object({ 'a/b': z.object({ '~c': z.string(), d: z.string() }) });
    expect(problemsOf(schema, { 'a/b': { '~c': 1 } })).toEqual([
      ['/a~1b/~0c', 'invalid_type', '类型错误：应为字符串'],
      ['/a~1b/d', 'invalid_type', '缺少必填字段“d”'],
    ]);
  });

  it('reports each unknown key at the key', () => {
    expect(problemsOf(z.object({}).strict(), { x: 1, y: 2 })).toEqual([
      ['/x', 'unrecognized_keys', '不允许的字段“x”'],
      ['/y', 'unrecognized_keys', '不允许的字段“y”'],
    ]);
  });
});
