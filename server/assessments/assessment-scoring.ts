/**
 * From stored rows to the rubric engine's input: frozen metrics plus the latest review sheet of each
 * level. Two or more district assessors score independently; where they differ on an item, the entry
 * worth fewer points counts (the cautious reading of a countersign), and the item is listed in
 * `assessorDisagreements` so the leader approving the tier sees it.
 */
import type { Kysely, Selectable } from 'kysely';
import { scoreUnit, scoreUnits, type AssessmentInput, type CompiledRubric, type FrozenMetrics, type ReviewEntry, type ReviewSheet, type UnitScore } from '../../runtime/rubric/index';
import type { Database } from '../db/types';
import type { AssessmentTable } from '../db/types-assessments';
import { publishedRubric } from './rubric-store';

export type AssessmentRow = Selectable<AssessmentTable>;
export type ReviewLevel = 'self' | 'institute' | 'district' | 'amendment';

export interface StoredSheets {
  self?: ReviewSheet;
  institute?: ReviewSheet;
  /** Latest sheet of each district assessor, by user id. */
  district: Record<string, ReviewSheet>;
  /** The latest appeal amendment: its entries replace the assessors' merged ones. */
  amendment?: ReviewSheet;
}

export async function loadSheets(db: Kysely<Database>, assessmentIds: readonly string[]): Promise<Map<string, StoredSheets>> {
  const result = new Map<string, StoredSheets>(assessmentIds.map((id) => [id, { district: {} }]));
  if (assessmentIds.length === 0) return result;
  const rows = await db.selectFrom('assessment_reviews').selectAll().where('assessment_id', 'in', [...assessmentIds]).orderBy('id').execute();
  for (const row of rows) {
    const sheets = result.get(row.assessment_id)!;
    const sheet = JSON.parse(row.sheet) as ReviewSheet;
    if (row.level === 'district') sheets.district[row.reviewer_id] = sheet;
    else sheets[row.level] = sheet;
  }
  return result;
}

export interface MergedDistrict {
  sheet: ReviewSheet | undefined;
  disagreements: string[];
}

/** One district sheet from the assessors' sheets: per item the lower-scoring entry, a veto if any confirms it. */
export function mergeDistrict(rubric: CompiledRubric, base: AssessmentInput, sheets: readonly ReviewSheet[]): MergedDistrict {
  if (sheets.length === 0) return { sheet: undefined, disagreements: [] };
  if (sheets.length === 1) return { sheet: sheets[0], disagreements: [] };
  const scored = sheets.map((sheet) => new Map(scoreUnit(rubric, { ...base, reviews: { district: sheet } }).items.map((item) => [item.key, item.points])));
  const items: Record<string, ReviewEntry> = {};
  const disagreements: string[] = [];
  const keys = new Set(sheets.flatMap((sheet) => Object.keys(sheet.items ?? {})));
  for (const key of keys) {
    let best: { entry: ReviewEntry; points: number } | undefined;
    const seen = new Set<number>();
    sheets.forEach((sheet, index) => {
      const entry = sheet.items?.[key];
      if (entry === undefined) return;
      const points = scored[index]!.get(key) ?? 0;
      seen.add(points);
      if (best === undefined || points < best.points) best = { entry, points };
    });
    if (best !== undefined) items[key] = best.entry;
    if (seen.size > 1) disagreements.push(key);
  }
  const vetoes: NonNullable<ReviewSheet['vetoes']> = {};
  for (const sheet of sheets) {
    for (const [key, finding] of Object.entries(sheet.vetoes ?? {})) if (vetoes[key] === undefined || finding.confirmed) (vetoes as Record<string, typeof finding>)[key] = finding;
  }
  return { sheet: { items, vetoes }, disagreements: disagreements.sort() };
}

export function inputOf(rubric: CompiledRubric, row: AssessmentRow, sheets: StoredSheets): { input: AssessmentInput; disagreements: string[] } {
  const frozen = JSON.parse(row.frozen_metrics) as FrozenMetrics;
  const base: AssessmentInput = { unitId: row.org_unit_id, ...(row.parent_id === null ? {} : { parentId: row.parent_id }), metrics: frozen };
  const merged = mergeDistrict(rubric, base, Object.values(sheets.district));
  const amended = sheets.amendment;
  const district =
    amended === undefined
      ? merged
      : { sheet: { items: { ...(merged.sheet?.items ?? {}), ...(amended.items ?? {}) }, vetoes: { ...(merged.sheet?.vetoes ?? {}), ...(amended.vetoes ?? {}) } }, disagreements: merged.disagreements.filter((key) => amended.items?.[key] === undefined) };
  const reviews: NonNullable<AssessmentInput['reviews']> = {
    ...(sheets.self === undefined ? {} : { self: sheets.self }),
    ...(sheets.institute === undefined ? {} : { institute: sheets.institute }),
    ...(district.sheet === undefined ? {} : { district: district.sheet }),
  };
  return { input: { ...base, reviews }, disagreements: district.disagreements };
}

/** The unit's score as things stand: no quotas (they need the whole cycle). */
export async function currentScore(db: Kysely<Database>, row: AssessmentRow): Promise<{ rubric: CompiledRubric; score: UnitScore; disagreements: string[] }> {
  const rubric = await publishedRubric(db, row.rubric_key, row.rubric_version);
  const sheets = (await loadSheets(db, [row.id])).get(row.id)!;
  const { input, disagreements } = inputOf(rubric, row, sheets);
  return { rubric, score: scoreUnit(rubric, input), disagreements };
}

/**
 * Scores every assessment of the cycle under the same rubric version with quotas, and returns the one
 * asked for: a tier under a quota depends on the other units' scores.
 */
export async function cycleScore(db: Kysely<Database>, row: AssessmentRow): Promise<UnitScore> {
  const rubric = await publishedRubric(db, row.rubric_key, row.rubric_version);
  const peers = await db.selectFrom('assessments').selectAll().where('cycle_id', '=', row.cycle_id).where('rubric_key', '=', row.rubric_key).execute();
  const sheets = await loadSheets(db, peers.map((peer) => peer.id));
  const scores = scoreUnits(
    rubric,
    peers.map((peer) => inputOf(rubric, peer, sheets.get(peer.id)!).input),
  );
  return scores.find((score) => score.unitId === row.org_unit_id)!;
}
