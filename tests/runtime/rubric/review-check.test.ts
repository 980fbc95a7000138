import { describe, expect, it } from 'vitest';
import { checkReviewSheet, compileRubric, ReviewSheetSchema } from '../../../runtime/rubric/index';
import { liangzhou } from './helpers';
import { strongReview } from './snapshots';

const station = compileRubric(liangzhou('station-rubric'));

describe('checkReviewSheet', () => {
  it('accepts a well-formed sheet', () => {
    expect(checkReviewSheet(station, strongReview)).toEqual([]);
    expect(ReviewSheetSchema.safeParse(strongReview).success).toBe(true);
  });

  it('names every entry that does not fit its item, with a pointer into the sheet', () => {
    const problems = checkReviewSheet(station, {
      items: {
        a1: {},
        a5: { defects: 1.5 },
        e4: { grade: 'D' },
        d2: { value: 4 },
        e1: { ticked: ['work', 'lunch'] },
        a4: { ticked: ['desk'] },
        c2: { value: 8 },
        zz: { met: true },
      },
      vetoes: { v9: { confirmed: true } },
    });
    expect(problems.map(({ pointer, code, severity }) => [pointer, code, severity])).toEqual([
      ['/items/a1/met', 'rubric-entry-invalid', 'error'],
      ['/items/a5/defects', 'rubric-entry-invalid', 'error'],
      ['/items/e4/grade', 'rubric-entry-invalid', 'error'],
      ['/items/d2/value', 'rubric-entry-invalid', 'error'],
      ['/items/e1/ticked/1', 'rubric-entry-invalid', 'error'],
      ['/items/a4/ticked/0', 'rubric-entry-automatic', 'warning'],
      ['/items/c2/value', 'rubric-entry-automatic', 'warning'],
      ['/items/zz', 'rubric-entry-unknown', 'error'],
      ['/vetoes/v9', 'rubric-entry-unknown', 'error'],
    ]);
    expect(problems[3]!.message).toEqual({ 'zh-CN': '评定值应为 0, 2, 3.5, 5 之一', en: 'The value must be one of 0, 2, 3.5, 5' });
  });

  it('rejects unknown fields and negative counts in the JSON schema', () => {
    expect(ReviewSheetSchema.safeParse({ items: { a1: { met: true, score: 3 } } }).success).toBe(false);
    expect(ReviewSheetSchema.safeParse({ items: { a5: { defects: -1 } } }).success).toBe(false);
  });
});
