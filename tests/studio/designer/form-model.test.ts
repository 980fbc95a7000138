import { describe, expect, test } from 'vitest';
import { applyComputed, evaluateFormRules, validateFormData } from '../../../runtime/form';
import type { FormDefinition } from '../../../runtime/schema/form';
import { computedExpression, conditionExpression, parseComputed, parseCondition, setComputed, setRule, type RuleCondition } from '../../../studio/designer/form/form-expressions';
import { addField, addGroup, columnsOf, controlOf, setColumns, fieldTypeOf, labelOf, moveElement, moveFieldToGroup, optionsOf, removeField, setConstraint, setOptions, setRequired, type FieldType, type FormBody } from '../../../studio/designer/form/form-model';
import { fieldOfPointer } from '../../../studio/designer/form/field-problems';
import { lintErrors, packBody } from './pack';

const completion = () => packBody<FormBody>('form', 'order-completion');
const keysInOrder = (body: FormBody) => JSON.stringify(body.uischema).match(/#\/properties\/\w+/g)!.map((s) => s.slice(13));

describe('form model: the designer keeps schema, layout and labels in step', () => {
  test('every field type added to a pack form lints clean and has the type it was added as', () => {
    let body = completion();
    const types: FieldType[] = ['text', 'textarea', 'number', 'integer', 'date', 'single', 'multiple', 'boolean', 'image', 'file', 'table'];
    for (const type of types) body = addField(body, { key: `f${type[0]!.toUpperCase()}${type.slice(1)}`, type, zh: `字段${type}`, en: `Field ${type}` });
    expect(lintErrors(body)).toEqual([]);
    for (const type of types) {
      const key = `f${type[0]!.toUpperCase()}${type.slice(1)}`;
      expect(fieldTypeOf((body.schema as { properties: Record<string, Record<string, unknown>> }).properties[key]!, controlOf(body, key))).toBe(type);
      expect(labelOf(body, key, 'en')).toBe(`Field ${type}`);
    }
  });

  test('remove takes the field out of schema, layout, required, rules, computed and translations', () => {
    let body = setRule(addField(completion(), { key: 'note', type: 'text', zh: '备注' }), 'note', { effect: 'SHOW', when: 'has(data.summary)' });
    body = setRequired(body, 'note', true);
    body = removeField(body, 'note');
    expect(JSON.stringify(body)).not.toContain('note');
    expect(removeField(completion(), 'photos').schema).not.toHaveProperty('properties.photos');
    expect((removeField(completion(), 'photos').schema as { required: string[] }).required).toEqual(['summary', 'serviceHours']);
  });

  test('reorder moves among siblings and stops at the ends; groups take fields in and out', () => {
    const body = completion();
    expect(keysInOrder(body)).toEqual(['summary', 'serviceHours', 'volunteerCount', 'beneficiaryCount', 'photos']);
    expect(keysInOrder(moveElement(body, [0], 1))).toEqual(['serviceHours', 'volunteerCount', 'beneficiaryCount', 'summary', 'photos']);
    expect(keysInOrder(moveElement(body, [1, 0], 1))).toEqual(['summary', 'volunteerCount', 'serviceHours', 'beneficiaryCount', 'photos']);
    expect(moveElement(body, [0], -1)).toBe(body);
    const grouped = moveFieldToGroup(addGroup(body, '照片', 'Photos'), 'summary', 3);
    expect(grouped.uischema?.elements?.[2]).toMatchObject({ type: 'Group', i18n: 'group1', elements: [{ scope: '#/properties/summary' }] });
    expect(grouped.i18n?.en?.['group1.label']).toBe('Photos');
    expect(lintErrors(grouped)).toEqual([]);
  });

  test('constraints and options are validated by the runtime as written', () => {
    let body = setConstraint(completion(), 'summary', 'pattern', '^[^<>]*$');
    body = setConstraint(body, 'volunteerCount', 'maximum', 50);
    body = addField(body, { key: 'kind', type: 'single', zh: '类型' });
    body = setOptions(body, 'kind', [{ value: 'health', zh: '健康', en: 'Health' }, { value: 'culture', zh: '文化', en: '' }]);
    expect(optionsOf(body, 'kind')).toEqual([{ value: 'health', zh: '健康', en: 'Health' }, { value: 'culture', zh: '文化', en: '' }]);
    expect(body.i18n?.['zh-CN']).not.toHaveProperty('kind.option1');
    const issues = validateFormData(body as unknown as FormDefinition, { summary: '<b>', serviceHours: 2, photos: ['a'], volunteerCount: 80, kind: 'other' }).map((i) => i.pointer).sort();
    expect(issues).toEqual(['/kind', '/summary', '/volunteerCount']);
    expect(lintErrors(body)).toEqual([]);
  });
});

describe('table of rows', () => {
  test('columns are edited with labels where the table renderer reads them, and the runtime validates rows', () => {
    let body = addField(completion(), { key: 'attendees', type: 'table', zh: '参加人员' });
    body = setColumns(body, 'attendees', [
      { key: 'name', zh: '姓名', en: 'Name', type: 'text', required: true },
      { key: 'age', zh: '年龄', en: 'Age', type: 'integer', required: false },
    ]);
    expect(columnsOf(body, 'attendees')).toEqual([
      { key: 'name', zh: '姓名', en: 'Name', type: 'text', required: true },
      { key: 'age', zh: '年龄', en: 'Age', type: 'integer', required: false },
    ]);
    expect(body.i18n?.en?.['attendees.age.label']).toBe('Age');
    expect(lintErrors(body)).toEqual([]);
    const issues = validateFormData(body as unknown as FormDefinition, { summary: '服务', serviceHours: 1, photos: ['a'], attendees: [{ age: 'x' }] }).map((i) => i.pointer).sort();
    expect(issues).toEqual(['/attendees/0/age', '/attendees/0/name']);
  });
});

describe('rule and computed pickers write CEL the runtime evaluates, and read it back', () => {
  const cases: [RuleCondition, FieldType, Record<string, unknown>, boolean][] = [
    [{ field: 'beneficiaryCount', op: 'gt', value: '50' }, 'integer', { beneficiaryCount: 60 }, true],
    [{ field: 'beneficiaryCount', op: 'gt', value: '50' }, 'integer', {}, false],
    [{ field: 'serviceHours', op: 'lte', value: '2.5' }, 'number', { serviceHours: 2 }, true],
    [{ field: 'summary', op: 'eq', value: '义诊 "上门"' }, 'text', { summary: '义诊 "上门"' }, true],
    [{ field: 'summary', op: 'ne', value: 'x' }, 'text', {}, true],
    [{ field: 'summary', op: 'filled' }, 'text', { summary: '' }, false],
    [{ field: 'summary', op: 'empty' }, 'text', { summary: '' }, true],
    [{ field: 'photos', op: 'filled' }, 'multiple', { photos: ['a'] }, true],
    [{ field: 'photos', op: 'eq', value: 'a' }, 'multiple', { photos: ['b', 'a'] }, true],
    [{ field: 'photos', op: 'ne', value: 'a' }, 'multiple', { photos: ['b', 'a'] }, false],
  ];
  test.each(cases)('%o on a %s field', (condition, type, data, visible) => {
    const when = conditionExpression(condition, type);
    expect(parseCondition(when)).toEqual(condition);
    const form = setRule(completion(), 'volunteerCount', { effect: 'SHOW', when });
    expect(evaluateFormRules(form as unknown as FormDefinition, data)['#/properties/volunteerCount']?.visible).toBe(visible);
  });

  test('a hand-written expression is not mistaken for a picker case', () => {
    expect(parseCondition('data.a > 1 || data.b == "x"')).toBeUndefined();
  });

  test('sum of an integer and a decimal field computes a decimal and lints clean', () => {
    const expression = computedExpression('sum', [{ key: 'volunteerCount', type: 'integer' }, { key: 'serviceHours', type: 'number' }], 'number');
    expect(parseComputed(expression)).toEqual({ op: 'sum', fields: ['volunteerCount', 'serviceHours'] });
    const body = setComputed(addField(completion(), { key: 'total', type: 'number', zh: '合计' }), 'total', expression);
    expect(applyComputed(body as unknown as FormDefinition, { volunteerCount: 3, serviceHours: 1.5 }).total).toBe(4.5);
    expect(lintErrors(body)).toEqual([]);
    const product = computedExpression('product', [{ key: 'volunteerCount', type: 'integer' }, { key: 'beneficiaryCount', type: 'integer' }], 'integer');
    expect(applyComputed(setComputed(body, 'total', product) as unknown as FormDefinition, { volunteerCount: 3, beneficiaryCount: 4 }).total).toBe(12);
  });

  test('lint problems find their field', () => {
    const body = setRule(completion(), 'photos', { effect: 'HIDE', when: 'data.nope > 1' });
    const problems = lintErrors(body);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map((p) => fieldOfPointer(body, p.pointer))).toContain('photos');
  });
});
