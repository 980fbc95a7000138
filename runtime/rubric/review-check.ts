import { z } from 'zod';
import type { LocalizedText } from '../schema/common';
import type { RubricDefinition } from '../schema/rubric';
import { childPointer, toPointer } from '../lint/pointer';
import type { Severity } from '../lint/types';
import { compiled, type CompiledRubric } from './compile';
import { modeOf } from './scoring-modes/registry';
import type { ReviewSheet } from './types';

/** A review entry as JSON, for request schemas (the server's routes validate with it). */
export const ReviewEntrySchema = z
  .object({
    met: z.boolean().optional(),
    grade: z.string().optional(),
    defects: z.union([z.number().int().nonnegative(), z.record(z.string(), z.number().int().nonnegative())]).optional(),
    ticked: z.array(z.string()).optional(),
    value: z.number().optional(),
    comment: z.string().max(2000).optional(),
    evidence: z.array(z.string()).optional(),
  })
  .strict();

export const VetoFindingSchema = z
  .object({ confirmed: z.boolean(), comment: z.string().max(2000).optional(), evidence: z.array(z.string()).optional() })
  .strict();

/** One review level's sheet for one unit. */
export const ReviewSheetSchema = z
  .object({ items: z.record(z.string(), ReviewEntrySchema).optional(), vetoes: z.record(z.string(), VetoFindingSchema).optional() })
  .strict();

export interface EntryProblem {
  /** JSON pointer into the sheet, e.g. `/items/a5/grade`. */
  pointer: string;
  code: string;
  severity: Severity;
  message: LocalizedText;
}

/**
 * Checks a review sheet against a rubric: items and vetoes exist, and each entry fits its item's mode
 * (a known grade, an allowed judgement value, known checklist elements and defects). Warnings mark
 * entries on automatic items, which never count. Use before storing a reviewer's input.
 *
 * @example
 * checkReviewSheet(rubric, { items: { f1: { value: 4 } } })
 * // → [{ pointer: '/items/f1/value', code: 'rubric-entry-invalid', severity: 'error', message: {…} }]
 */
export function checkReviewSheet(rubric: RubricDefinition | CompiledRubric, sheet: ReviewSheet): EntryProblem[] {
  const plan = compiled(rubric);
  const problems: EntryProblem[] = [];
  const items = new Map(
    [...plan.definition.sections.flatMap((section) => section.items), ...(plan.definition.bonus?.items ?? [])].map((item) => [item.key, item]),
  );
  for (const [key, entry] of Object.entries(sheet.items ?? {})) {
    const item = items.get(key);
    const base = toPointer(['items', key]);
    if (!item) {
      problems.push({ pointer: base, code: 'rubric-entry-unknown', severity: 'error', message: { 'zh-CN': `细则中没有评分项“${key}”`, en: `The rubric has no item "${key}"` } });
      continue;
    }
    modeOf(item.scoring).validateEntry(item.scoring, entry, (path, code, message, severity) =>
      problems.push({ pointer: childPointer(base, ...path), code, severity: severity ?? 'error', message }),
    );
  }
  const vetoes = new Set(plan.vetoes.map((veto) => veto.key));
  for (const key of Object.keys(sheet.vetoes ?? {})) {
    if (!vetoes.has(key)) {
      problems.push({ pointer: toPointer(['vetoes', key]), code: 'rubric-entry-unknown', severity: 'error', message: { 'zh-CN': `细则中没有否决项“${key}”`, en: `The rubric has no veto item "${key}"` } });
    }
  }
  return problems;
}
