import type { LocalizedText } from '../schema/common';
import type { ReviewLevel, RubricDefinition } from '../schema/rubric';
import { compiled, type CompiledRubric } from './compile';
import { scoringModes } from './scoring-modes/registry';
import { fmt, type ItemInputs } from './scoring-modes/types';
import { cents } from './tier';
import { shortfall, type Shortfall } from './shortfall';
import type { ItemScore, TierRule, UnitScore } from './types';

export type { ImprovementOption, Shortfall } from './shortfall';

/** One line of an explanation; the `points` of all lines add up to the score exactly. */
export type ExplanationLine =
  | {
      kind: 'item';
      item: string;
      section: string | null;
      mode: string;
      level: ItemScore['level'];
      inputs: ItemInputs;
      evidence: string[];
      comment?: string;
      /** Self and the counting reviewer differ by more than the rubric's gap. */
      disagreement?: ItemScore['disagreement'];
      points: number;
      max: number;
      text: LocalizedText;
    }
  | { kind: 'sectionCap'; section: string; points: number; text: LocalizedText }
  | { kind: 'bonusCap'; points: number; text: LocalizedText }
  | { kind: 'rounding'; points: number; text: LocalizedText };

export interface Explanation {
  unitId: string;
  score: number;
  tier: string;
  lines: ExplanationLine[];
  decision: { rule: TierRule; text: LocalizedText };
  next?: Shortfall;
}

const levelNames: Record<ReviewLevel | 'auto', LocalizedText> = {
  self: { 'zh-CN': '自评', en: 'self-assessment' },
  institute: { 'zh-CN': '所审核', en: 'institute review' },
  district: { 'zh-CN': '区审定', en: 'district review' },
  auto: { 'zh-CN': '系统自动计算', en: 'computed from platform data' },
};

/**
 * Explains a unit's score: item by item (mode, inputs, reviewer level, points), the caps, the rule that
 * decided the tier, and for the next tier up the exact shortfall and the fewest items that would close it.
 *
 * @example
 * explain(rubric, scoreUnit(rubric, input)).next?.text['zh-CN']
 * // '距示范级：还差 3.5 分；活动部分得 5 分，低于底线 7 分；最少改进：c2“周有活动”、e2“专题部署”'
 */
export function explain(rubric: RubricDefinition | CompiledRubric, result: UnitScore): Explanation {
  const plan = compiled(rubric);
  const lines: ExplanationLine[] = result.items.map((item) => itemLine(plan, item));
  for (const section of result.sections) {
    if (section.raw > section.points) {
      lines.push({
        kind: 'sectionCap',
        section: section.key,
        points: (cents(section.points) - cents(section.raw)) / 100,
        text: { 'zh-CN': `${section.key} 超出本部分满分 ${fmt(section.max)}，超出部分不计`, en: `${section.key} capped at its ${fmt(section.max)} points` },
      });
    }
  }
  if (result.bonus.raw > result.bonus.points) {
    lines.push({
      kind: 'bonusCap',
      points: (cents(result.bonus.points) - cents(result.bonus.raw)) / 100,
      text: { 'zh-CN': `加分封顶 ${fmt(result.bonus.cap)} 分`, en: `Bonus capped at ${fmt(result.bonus.cap)}` },
    });
  }
  const rounding = cents(result.score) - cents(result.rawScore);
  if (rounding !== 0) {
    const decimals = plan.definition.scoreDecimals;
    lines.push({
      kind: 'rounding',
      points: rounding / 100,
      text: { 'zh-CN': `总分 ${fmt(result.rawScore)} 保留 ${decimals} 位小数为 ${fmt(result.score)}`, en: `Score ${fmt(result.rawScore)} rounded to ${decimals} decimal(s): ${fmt(result.score)}` },
    });
  }
  const explanation: Explanation = {
    unitId: result.unitId,
    score: result.score,
    tier: result.tier.tier,
    lines,
    decision: { rule: result.tier.rule, text: decisionText(plan, result) },
  };
  const next = shortfall(plan, result);
  if (next) explanation.next = next;
  return explanation;
}

function itemLine(plan: CompiledRubric, item: ItemScore): ExplanationLine {
  const mode = scoringModes[item.mode as keyof typeof scoringModes].title;
  const by = item.level === null ? { 'zh-CN': '未评分', en: 'not scored' } : levelNames[item.level];
  const inputs = describeInputs(item.inputs);
  const title = plan.items.find((candidate) => candidate.key === item.key)?.title ?? { 'zh-CN': item.key };
  const line: ExplanationLine = {
    kind: 'item',
    item: item.key,
    section: item.section,
    mode: item.mode,
    level: item.level,
    inputs: item.inputs,
    evidence: item.evidence ?? [],
    points: item.points,
    max: item.max,
    text: {
      'zh-CN': `${item.key} ${title['zh-CN']}：${mode['zh-CN']}，${by['zh-CN']}${inputs['zh-CN'] ? `，${inputs['zh-CN']}` : ''} → ${fmt(item.points)}/${fmt(item.max)} 分`,
      en: `${item.key} ${title.en ?? title['zh-CN']}: ${mode.en}, ${by.en}${inputs.en ? `, ${inputs.en}` : ''} → ${fmt(item.points)}/${fmt(item.max)}`,
    },
  };
  if (item.comment !== undefined) line.comment = item.comment;
  if (item.disagreement) line.disagreement = item.disagreement;
  return line;
}

function describeInputs(inputs: ItemInputs): { 'zh-CN': string; en: string } {
  const zh: string[] = [];
  const en: string[] = [];
  // A checklist's per-element metrics are summed up by its ticked list instead.
  if (inputs.ticked === undefined) {
    for (const metric of inputs.metrics ?? []) {
      zh.push(`${metric.key} = ${fmt(metric.value)}`);
      en.push(`${metric.key} = ${fmt(metric.value)}`);
    }
  }
  if (inputs.met !== undefined) {
    zh.push(inputs.met ? '达到要求' : '未达到要求');
    en.push(inputs.met ? 'requirement met' : 'requirement not met');
  }
  if (inputs.grade !== undefined) {
    zh.push(`档次 ${inputs.grade}`);
    en.push(`grade ${inputs.grade}`);
  }
  const defects = Object.entries(inputs.defects ?? {});
  if (defects.length === 1 && defects[0]![0] === 'total') {
    zh.push(`问题 ${defects[0]![1]} 处`);
    en.push(`${defects[0]![1]} defect(s)`);
  } else if (defects.length > 0) {
    zh.push(`问题 ${defects.map(([key, count]) => `${key}×${count}`).join('、')}`);
    en.push(`defects ${defects.map(([key, count]) => `${key}×${count}`).join(', ')}`);
  }
  if (inputs.ticked !== undefined) {
    const list = inputs.ticked.join(', ');
    zh.push(`已具备 ${inputs.ticked.length} 项${list ? `（${list}）` : ''}`);
    en.push(`${inputs.ticked.length} element(s) present${list ? ` (${list})` : ''}`);
  }
  if (inputs.value !== undefined) {
    zh.push(`评定 ${fmt(inputs.value)}`);
    en.push(`judged ${fmt(inputs.value)}`);
  }
  if (inputs.invalid) {
    zh.push('录入值无效');
    en.push('recorded value not allowed');
  }
  return { 'zh-CN': zh.join('，'), en: en.join(', ') };
}

function tierTitle(plan: CompiledRubric, key: string): LocalizedText {
  return plan.tiers.find((tier) => tier.key === key)?.title ?? { 'zh-CN': key, en: key };
}

function decisionText(plan: CompiledRubric, result: UnitScore): LocalizedText {
  const tier = plan.tiers.find((candidate) => candidate.key === result.tier.tier);
  const title = tierTitle(plan, result.tier.tier);
  const score = fmt(result.score);
  switch (result.tier.rule) {
    case 'veto': {
      const keys = result.vetoes.filter((veto) => veto.confirmed).map((veto) => veto.key).join(', ');
      return { 'zh-CN': `一票否决（${keys}）：定为${title['zh-CN']}`, en: `Veto confirmed (${keys}): tier forced to ${title.en ?? title['zh-CN']}` };
    }
    case 'threshold':
      return {
        'zh-CN': `得分 ${score} ≥ ${fmt(tier?.minScore ?? 0)}${tier?.sectionFloor !== undefined || tier?.sectionFloors ? '，且各部分达到底线' : ''}：${title['zh-CN']}`,
        en: `Score ${score} ≥ ${fmt(tier?.minScore ?? 0)}${tier?.sectionFloor !== undefined || tier?.sectionFloors ? ' and every section at its floor' : ''}: ${title.en ?? title['zh-CN']}`,
      };
    case 'fallback':
      return { 'zh-CN': `得分 ${score} 未达到更高等次：${title['zh-CN']}`, en: `Score ${score} reaches no higher tier: ${title.en ?? title['zh-CN']}` };
    case 'quota': {
      const qualified = tierTitle(plan, result.tier.qualified);
      return {
        'zh-CN': `得分 ${score} 达到${qualified['zh-CN']}，但排名超出名额：${title['zh-CN']}`,
        en: `Score ${score} qualifies for ${qualified.en ?? qualified['zh-CN']} but ranks beyond its quota: ${title.en ?? title['zh-CN']}`,
      };
    }
  }
}
