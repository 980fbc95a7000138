import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../../runtime/schema/form';
import { applyComputed, evaluateFormRules, formExpressionScope } from '../../../runtime/form/index';

type Computed = FormDefinition['computed'];
type Rules = FormDefinition['rules'];

const schema = {
  type: 'object',
  properties: {
    hours: { type: 'array', items: { type: 'number' } },
    total: { type: 'number' },
    rounded: { type: 'integer' },
    label: { type: 'string' },
    stats: { type: 'object', properties: { count: { type: 'integer' }, avg: { type: 'number' } } },
    stars: { type: 'integer' },
    reason: { type: 'string' },
    mode: { type: 'string' },
    teamId: { type: 'string' },
  },
};
const withComputed = (computed: Computed) => ({ schema, computed });
const withRules = (rules: Rules) => ({ schema, rules });

describe('applyComputed', () => {
  it('writes each result at its scope, in a new object, leaving the input untouched', () => {
    const form = withComputed([{ scope: '#/properties/total', expression: 'sum(data.hours)' }]);
    const input = { hours: [1.5, 2] };
    const output = applyComputed(form, input);
    expect(output).toEqual({ hours: [1.5, 2], total: 3.5 });
    expect(input).toEqual({ hours: [1.5, 2] });
    expect(output).not.toBe(input);
  });

  it('rounds: whole numbers for integer fields, 6 decimals otherwise', () => {
    const form = withComputed([
      { scope: '#/properties/total', expression: '0.1 + 0.2' },
      { scope: '#/properties/rounded', expression: 'sum(data.hours) / 2.0' },
    ]);
    expect(applyComputed(form, { hours: [1, 2] })).toEqual({ hours: [1, 2], total: 0.3, rounded: 2 });
  });

  it('runs in order, so a later value can read an earlier one', () => {
    const form = withComputed([
      { scope: '#/properties/total', expression: 'sum(data.hours)' },
      { scope: '#/properties/label', expression: 'string(data.total) + " 小时"' },
    ]);
    expect(applyComputed(form, { hours: [2, 2] }).label).toBe('4 小时');
  });

  it('creates intermediate objects for nested scopes and keeps siblings', () => {
    const form = withComputed([
      { scope: '#/properties/stats/properties/count', expression: 'size(data.hours)' },
      { scope: '#/properties/stats/properties/avg', expression: 'avg(data.hours)' },
    ]);
    expect(applyComputed(form, { hours: [1, 2] })).toEqual({ hours: [1, 2], stats: { count: 2, avg: 1.5 } });
    expect(applyComputed(form, { hours: [4], stats: { note: 'x' } } as Record<string, unknown>)).toEqual({ hours: [4], stats: { note: 'x', count: 1, avg: 4 } });
  });

  it('an error leaves the field unset, removing a stale value', () => {
    const form = withComputed([{ scope: '#/properties/total', expression: 'avg(data.hours)' }]);
    expect(applyComputed(form, { hours: [], total: 99 })).toEqual({ hours: [] });
    expect(applyComputed(withComputed([{ scope: '#/properties/total', expression: 'data.missing + 1' }]), { total: 1 })).toEqual({});
    expect(applyComputed(withComputed([{ scope: '#/properties/total', expression: 'data.hours +' }]), { total: 1 })).toEqual({});
  });

  it('a result of the wrong JSON type for the field leaves it unset', () => {
    const form = withComputed([{ scope: '#/properties/total', expression: '"many"' }]);
    expect(applyComputed(form, { total: 3 })).toEqual({});
  });

  it('ignores scopes it cannot write and never writes prototype keys', () => {
    const form = withComputed([
      { scope: '#/properties/__proto__', expression: '{"polluted": true}' },
      { scope: '#/properties/hours/items', expression: '1' },
      { scope: '#/properties/stats/properties/constructor', expression: '1' },
    ]);
    const output = applyComputed(form, { hours: [1] });
    expect(output).toEqual({ hours: [1] });
    expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('treats non-object data as empty', () => {
    const form = withComputed([{ scope: '#/properties/total', expression: '1 + 1' }]);
    expect(applyComputed(form, null as unknown as Record<string, unknown>)).toEqual({ total: 2 });
  });
});

describe('evaluateFormRules', () => {
  it('SHOW and HIDE decide visibility; ENABLE and DISABLE decide enablement', () => {
    const form = withRules([
      { scope: '#/properties/reason', effect: 'SHOW', when: 'data.stars <= 2' },
      { scope: '#/properties/teamId', effect: 'HIDE', when: 'data.mode == "pool"' },
      { scope: '#/properties/total', effect: 'DISABLE', when: 'true' },
      { scope: '#/properties/label', effect: 'ENABLE', when: 'has(data.stars)' },
    ]);
    expect(evaluateFormRules(form, { stars: 1, mode: 'pool' })).toEqual({
      '#/properties/reason': { visible: true, enabled: true },
      '#/properties/teamId': { visible: false, enabled: true },
      '#/properties/total': { visible: true, enabled: false },
      '#/properties/label': { visible: true, enabled: true },
    });
    expect(evaluateFormRules(form, { stars: 5, mode: 'directed' })).toMatchObject({
      '#/properties/reason': { visible: false },
      '#/properties/teamId': { visible: true },
    });
    expect(evaluateFormRules(form, { mode: 'directed' })['#/properties/label']).toEqual({ visible: true, enabled: false });
  });

  it('a condition that fails to evaluate or is not a boolean counts as false', () => {
    const form = withRules([
      { scope: '#/properties/reason', effect: 'SHOW', when: 'data.stars <= 2' },
      { scope: '#/properties/teamId', effect: 'HIDE', when: 'data.mode' },
    ]);
    expect(evaluateFormRules(form, {})).toEqual({
      '#/properties/reason': { visible: false, enabled: true },
      '#/properties/teamId': { visible: true, enabled: true },
    });
  });

  it('rules on one scope combine: hidden when any HIDE holds or any SHOW does not', () => {
    const form = withRules([
      { scope: '#/properties/reason', effect: 'SHOW', when: 'data.stars <= 2' },
      { scope: '#/properties/reason', effect: 'HIDE', when: 'data.mode == "pool"' },
    ]);
    expect(evaluateFormRules(form, { stars: 1, mode: 'directed' })['#/properties/reason']?.visible).toBe(true);
    expect(evaluateFormRules(form, { stars: 1, mode: 'pool' })['#/properties/reason']?.visible).toBe(false);
    expect(evaluateFormRules(form, { stars: 3, mode: 'directed' })['#/properties/reason']?.visible).toBe(false);
  });

  it('reports only expression rules; a form without rules gives an empty record', () => {
    expect(evaluateFormRules({ rules: [] }, { a: 1 })).toEqual({});
    expect(evaluateFormRules({}, undefined)).toEqual({});
  });
});

describe('formExpressionScope', () => {
  it('offers `data` typed by the form schema, the same object each time', () => {
    const form = { schema };
    expect(formExpressionScope(form)).toEqual({ variables: { data: schema } });
    expect(formExpressionScope(form)).toBe(formExpressionScope(form));
  });
});

describe('applyComputed: target schemas behind $ref', () => {
  it('rounds by the referenced schema type', () => {
    const form = {
      schema: {
        type: 'object',
        definitions: { whole: { type: 'integer' }, box: { type: 'object', properties: { n: { $ref: '#/definitions/whole' } } } },
        properties: { box: { $ref: '#/definitions/box' } },
      },
      computed: [{ scope: '#/properties/box/properties/n', expression: '2.6' }],
    };
    expect(applyComputed(form, {})).toEqual({ box: { n: 3 } });
  });
});
