import { describe, expect, test } from 'vitest';
import { submittedSteps } from '../../../studio/workspace/SubmittedSteps';

const forms: Record<string, string> = { dispatch: 'order-dispatch', complete: 'order-completion', rate: 'order-rating' };
const labels = { formOf: (event: string) => forms[event] };
const entry = (seq: number, event: string) => ({ seq, event, at: '2026-11-29T10:00:00Z', actor: 'u', from: null, to: 'x', comment: null });

describe('submittedSteps', () => {
  test('each step with a form and stored data once, in the order it last happened', () => {
    const history = [entry(0, '@start'), entry(1, 'dispatch'), entry(2, 'complete'), entry(3, 'reopen'), entry(4, 'dispatch')];
    const data = { complete: { summary: '量血压' }, dispatch: { teamId: 't2' }, rate: { stars: 5 }, note: 'not a step' };
    // 'rate' never happened (its data is left from nothing the history shows), 'note' has no form.
    expect(submittedSteps({ data, history, state: 'dispatched' }, labels)).toEqual([
      { event: 'complete', form: 'order-completion', data: { summary: '量血压' } },
      { event: 'dispatch', form: 'order-dispatch', data: { teamId: 't2' } },
    ]);
  });

  test('data that is not an object is not shown as a form', () => {
    expect(submittedSteps({ data: { dispatch: 'x', complete: null, rate: [1] }, history: [entry(1, 'dispatch'), entry(2, 'complete'), entry(3, 'rate')], state: 'closed' }, labels)).toEqual([]);
  });
});
