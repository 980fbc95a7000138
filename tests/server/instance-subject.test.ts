import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../runtime/schema/form';
import { subjectOf } from '../../server/presenters/instance-subject';

const form = (properties: Record<string, object>, required: string[]) => ({ schema: { type: 'object', properties, required } }) as unknown as FormDefinition;

describe('an instance’s subject', () => {
  const order = form({ beneficiaryName: { type: 'string', 'x-personal': true }, count: { type: 'integer' }, note: { type: 'string' }, description: { type: 'string' }, title: { type: 'string' } }, ['beneficiaryName', 'count', 'description', 'title']);

  it('is the first required text that is not personal, whitespace folded', () => {
    expect(subjectOf(order, { beneficiaryName: '张大爷', count: 3, note: '备注', description: '  需要\n上门理发 ', title: '标题' })).toBe('需要 上门理发');
    // An empty one is passed over for the next.
    expect(subjectOf(order, { beneficiaryName: '张大爷', description: '   ', title: '标题' })).toBe('标题');
  });

  it('is cut to 60 characters, counting characters and not UTF-16 units', () => {
    const long = '𠮷'.repeat(70);
    expect(subjectOf(order, { description: long })).toBe(`${'𠮷'.repeat(59)}…`);
    expect([...subjectOf(order, { description: '字'.repeat(60) })!]).toHaveLength(60);
  });

  it('is null without a start form, a required text, or a value', () => {
    expect(subjectOf(undefined, { description: 'x' })).toBeNull();
    expect(subjectOf(form({ description: { type: 'string' } }, []), { description: 'x' })).toBeNull();
    expect(subjectOf(order, { beneficiaryName: '张大爷' })).toBeNull();
  });
});
