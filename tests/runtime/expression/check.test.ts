import { describe, expect, it } from 'vitest';
import { checkExpression, type CheckResult, type ExpressionScope } from '../../../runtime/expression/index';

const order: ExpressionScope = {
  variables: {
    data: {
      type: 'object',
      required: ['stars'],
      properties: {
        stars: { type: 'integer', minimum: 1, maximum: 5 },
        score: { type: 'number' },
        tags: { type: 'array', items: { type: 'string' } },
        urgent: { type: 'boolean' },
        orderedAt: { type: 'string', format: 'date-time' },
        kind: { enum: ['a', 'b'] },
        note: { type: ['string', 'null'] },
        anything: {},
        either: { oneOf: [{ type: 'string' }, { type: 'number' }] },
        address: { type: 'object', properties: { village: { type: 'string' }, households: { type: 'integer' } } },
        extras: { type: 'object', additionalProperties: { type: 'number' } },
        members: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, hours: { type: 'number' } } } },
        team: { $ref: '#/definitions/team' },
      },
      definitions: { team: { type: 'object', properties: { leader: { type: 'string' } } } },
    },
    actor: { type: 'object', properties: { id: { type: 'string' }, roles: { type: 'array', items: { type: 'string' } } } },
    now: { type: 'string', format: 'date-time' },
  },
};

const ok = (source: string, expected?: 'bool' | 'number' | 'string' | 'list' | 'any') => checkExpression(source, order, expected);
const failed = (result: CheckResult) => {
  if (result.ok) throw new Error(`expected a failure, got type ${result.type}`);
  return result;
};

describe('checkExpression: JSON Schema → CEL types', () => {
  it.each([
    ['data.stars', 'double'],
    ['data.score', 'double'],
    ['data.tags', 'list<string>'],
    ['data.urgent', 'bool'],
    ['data.orderedAt', 'string'],
    ['data.kind', 'string'],
    ['data.note', 'string'],
    ['data.anything', 'dyn'],
    ['data.either', 'dyn'],
    ['data.address.village', 'string'],
    ['data.address.households + 1', 'double'],
    ['data.extras["x"]', 'double'],
    ['data.members.map(m, m.hours)', 'list<double>'],
    ['data.team.leader', 'string'],
    ['"admin" in actor.roles', 'bool'],
    ['daysBetween(data.orderedAt, now)', 'int'],
    ['sum(data.members.map(m, m.hours)) + 1', 'double'],
    ['size(data.tags)', 'int'],
  ])('%s has type %s', (source, type) => {
    expect(ok(source)).toEqual({ ok: true, type });
  });

  it('reads integers and numbers alike as double, so integer literals compare and add', () => {
    for (const source of ['data.stars <= 2', 'data.stars == 2', 'data.stars in [1, 2]', 'data.score * 2 >= data.stars']) {
      expect(ok(source, 'bool')).toEqual({ ok: true, type: 'bool' });
    }
  });
});

describe('checkExpression: error codes', () => {
  it('expr-unknown-name for a misspelt field, at its position, in both languages', () => {
    const result = failed(ok('data.stars <= 2 && data.stras > 0'));
    expect(result.code).toBe('expr-unknown-name');
    expect(result.position).toBe(24);
    expect(result.message['zh-CN']).toContain('stras');
    expect(result.message.en).toContain('stras');
  });

  it('expr-unknown-name for a field of a nested object and of list elements', () => {
    expect(failed(ok('data.address.town')).code).toBe('expr-unknown-name');
    expect(failed(ok('data.members.exists(m, m.hour > 1)')).code).toBe('expr-unknown-name');
  });

  it('expr-unknown-name for an undeclared variable and for an unknown function', () => {
    const variable = failed(ok('input.x == 1'));
    expect(variable.code).toBe('expr-unknown-name');
    expect(variable.message.en).toContain('input');
    const fn = failed(ok('now() > 1'));
    expect(fn.code).toBe('expr-unknown-name');
    expect(fn.message.en).toContain('now');
    expect(failed(ok('sumOf(data.tags)')).position).toBe(0);
  });

  it('expr-type for operands that do not fit', () => {
    for (const source of ['data.stars + "a"', 'data.urgent > 1', 'sum(data.tags)', 'daysBetween(data.stars, now)', 'data.tags && true']) {
      const result = failed(ok(source));
      expect(result.code, source).toBe('expr-type');
      expect(result.message['zh-CN']).toMatch(/^表达式类型不匹配/);
    }
  });

  it('expr-syntax with the position of the fault', () => {
    const result = failed(ok('data.stars <= '));
    expect(result.code).toBe('expr-syntax');
    expect(result.position).toBe(14);
    expect(failed(ok('')).code).toBe('expr-syntax');
    expect(failed(ok('data.stars <= 2)')).code).toBe('expr-syntax');
    expect(failed(ok('"unterminated')).code).toBe('expr-syntax');
  });

  it('expr-result-type when the result is not what the place needs', () => {
    expect(failed(ok('data.stars', 'bool')).code).toBe('expr-result-type');
    expect(failed(ok('data.stars > 1', 'number')).code).toBe('expr-result-type');
    expect(failed(ok('data.tags', 'string')).code).toBe('expr-result-type');
    expect(failed(ok('data.stars', 'list')).code).toBe('expr-result-type');
    expect(ok('size(data.tags)', 'number')).toEqual({ ok: true, type: 'int' });
    expect(ok('data.score', 'number')).toEqual({ ok: true, type: 'double' });
    expect(ok('data.tags.filter(t, t != "")', 'list')).toEqual({ ok: true, type: 'list<string>' });
    // A value of unknown shape may be anything: accepted, the evaluation decides.
    expect(ok('data.anything', 'bool')).toEqual({ ok: true, type: 'dyn' });
  });

  it('expr-too-complex for long sources, deep nesting, big literals and three nested macros', () => {
    expect(failed(ok(`data.stars == 1 ${'|| data.stars == 1 '.repeat(120)}`)).code).toBe('expr-too-complex');
    expect(failed(ok(`${'('.repeat(40)}1${')'.repeat(40)} == 1`)).code).toBe('expr-too-complex');
    expect(failed(ok(`size([${Array.from({ length: 300 }, (_, i) => i).join(',')}]) > 0`)).code).toBe('expr-too-complex');
    const three = failed(ok('data.members.exists(a, data.members.exists(b, data.members.exists(c, a.hours + b.hours + c.hours > 9)))'));
    expect(three.code).toBe('expr-too-complex');
    expect(three.position).toBe(46);
    expect(ok('data.members.exists(a, data.members.exists(b, a.hours + b.hours > 9))', 'bool')).toEqual({ ok: true, type: 'bool' });
  });

  it('expr-too-complex for regular expressions that could backtrack for ever or are not literals', () => {
    expect(failed(ok('data.orderedAt.matches("(a+)+$")')).code).toBe('expr-too-complex');
    expect(failed(ok('data.orderedAt.matches("(x|y*)*z")')).code).toBe('expr-too-complex');
    expect(failed(ok('data.orderedAt.matches(data.kind)')).code).toBe('expr-too-complex');
    expect(failed(ok('matches(data.orderedAt, "(a*)*")')).code).toBe('expr-too-complex');
    expect(ok('data.orderedAt.matches("^[0-9]{4}-[0-9]{2}")', 'bool')).toEqual({ ok: true, type: 'bool' });
  });

  it('has() is how optional fields are tested', () => {
    expect(ok('has(data.note) && data.note != ""', 'bool')).toEqual({ ok: true, type: 'bool' });
  });

  it('checks against any variables a scope declares, and caches per scope', () => {
    const guard: ExpressionScope = { variables: { input: { type: 'object', properties: { approve: { type: 'boolean' } } } } };
    expect(checkExpression('input.approve', guard, 'bool')).toEqual({ ok: true, type: 'bool' });
    expect(checkExpression('input.approve', guard, 'bool')).toEqual({ ok: true, type: 'bool' });
    expect(failed(checkExpression('data.x', guard)).code).toBe('expr-unknown-name');
    // Same shape, different object: same answer.
    expect(checkExpression('input.approve', structuredClone(guard), 'bool')).toEqual({ ok: true, type: 'bool' });
  });

  it('survives awkward schemas: recursive refs, odd property names, non-object schemas', () => {
    const odd: ExpressionScope = {
      variables: {
        data: {
          type: 'object',
          properties: { 'a<b>': { type: 'string' }, 'x,y': { type: 'number' }, node: { $ref: '#' }, list: { type: 'array', items: { $ref: '#/properties/node' } } },
        },
        weird: true as unknown as Record<string, unknown>,
        nothing: {},
      },
    };
    expect(checkExpression('data.node.node.node.list.size() >= 0', odd, 'bool')).toMatchObject({ ok: true });
    expect(checkExpression('data["x,y"] + 1', odd)).toMatchObject({ ok: true });
    expect(checkExpression('weird == 1 || nothing == 2', odd)).toMatchObject({ ok: true });
  });
});
