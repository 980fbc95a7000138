import { describe, expect, test } from 'vitest';
import { withDefaults } from '../../studio/forms/defaults';

const schema = {
  type: 'object',
  properties: {
    urgency: { type: 'string', default: 'normal' },
    open: { type: 'boolean', default: true },
    name: { type: 'string' },
    room: { type: 'object', properties: { shared: { type: 'boolean', default: false }, size: { type: 'number' } } },
    contact: { type: 'object', properties: { phone: { type: 'string' } } },
    tags: { type: 'array', default: ['a'] },
  },
};

describe('withDefaults', () => {
  test('fills absent keys, through nested objects, and leaves objects without defaults out', () => {
    expect(withDefaults(schema, {})).toEqual({ urgency: 'normal', open: true, room: { shared: false }, tags: ['a'] });
  });

  test('never overwrites a value, even false or empty', () => {
    const data = { urgency: 'urgent', open: false, room: { shared: true }, tags: [] };
    expect(withDefaults(schema, data)).toBe(data);
  });

  test('returns a copy and leaves the input and the schema untouched', () => {
    const data = { name: '张三' };
    const out = withDefaults(schema, data);
    expect(data).toEqual({ name: '张三' });
    ((out as Record<string, unknown>).tags as string[]).push('b');
    expect(schema.properties.tags.default).toEqual(['a']);
  });
});
