import type { LocalizedText } from '../schema/common';
import type { CompiledRubric } from './compile';
import { fmt } from './scoring-modes/types';
import { cents, floorOf } from './tier';
import type { UnitScore } from './types';

export interface ImprovementOption {
  item: string;
  section: string | null;
  /** Points the item can still add, after its section's or the bonus cap. */
  gain: number;
  /** Elements to tick, defects to fix…; 1 for a single change. */
  steps: number;
  hint: LocalizedText;
}

/** What stands between a unit and the tier above the one it got. */
export interface Shortfall {
  tier: string;
  title: LocalizedText;
  pointsMissing: number;
  sectionsBelowFloor: { section: string; points: number; required: number; missing: number }[];
  /** Confirmed vetoes: no improvement lifts the unit while one stands. */
  vetoes: string[];
  /** The unit qualified but was ranked beyond the tier's quota. */
  quota: boolean;
  /** Every item that can gain points, most gainable first. */
  improvements: ImprovementOption[];
  /** The fewest items whose improvement closes every gap (sections first, then points); empty when out of reach. */
  fewest: string[];
  reachable: boolean;
  /** The gap alone: points, floors, vetoes, quota (a screen lists `fewest` its own way under it). */
  gap: LocalizedText;
  /** The gap and the fewest items, each by key and quoted title. */
  text: LocalizedText;
}

/**
 * What stands between a unit and the tier above its own: points missing, sections below the floor,
 * confirmed vetoes, a quota, and the fewest items whose improvement would close every gap.
 */
export function shortfall(plan: CompiledRubric, result: UnitScore): Shortfall | undefined {
  const index = plan.tiers.findIndex((tier) => tier.key === result.tier.tier);
  if (index <= 0) return undefined;
  const tier = plan.tiers[index - 1]!;
  const pointsMissingCents = Math.max(0, cents(tier.minScore) - cents(result.score));
  const sectionsBelowFloor = result.sections.flatMap((section) => {
    const required = cents(floorOf(tier, section.key) * section.max);
    const points = cents(section.points);
    return points < required ? [{ section: section.key, points: points / 100, required: required / 100, missing: (required - points) / 100 }] : [];
  });
  const vetoes = result.vetoes.filter((veto) => veto.confirmed).map((veto) => veto.key);

  const sectionRoom = new Map(result.sections.map((section) => [section.key, cents(section.max) - cents(section.points)]));
  const bonusRoom = cents(result.bonus.cap) - cents(result.bonus.points);
  const improvements: ImprovementOption[] = [];
  result.items.forEach((item, itemIndex) => {
    const prepared = plan.items[itemIndex]!.prepared;
    const option = prepared.improve({ points: item.points, inputs: item.inputs }, {});
    if (!option) return;
    const room = item.section === null ? bonusRoom : (sectionRoom.get(item.section) ?? 0);
    const gain = Math.min(cents(option.gain), room);
    if (gain <= 0) return;
    improvements.push({ item: item.key, section: item.section, gain: gain / 100, steps: option.steps, hint: option.hint });
  });
  improvements.sort((a, b) => b.gain - a.gain || a.steps - b.steps || (a.item < b.item ? -1 : 1));

  // Greedy by gain is the fewest items for a sum; floors are closed first, inside their own section.
  // Items of one section share its remaining room, so each pick takes only what is left of it.
  const chosen = new Set<string>();
  const roomLeft = new Map(sectionRoom);
  let bonusLeft = bonusRoom;
  const take = (option: ImprovementOption): number => {
    const left = option.section === null ? bonusLeft : (roomLeft.get(option.section) ?? 0);
    const gain = Math.min(cents(option.gain), left);
    if (option.section === null) bonusLeft -= gain;
    else roomLeft.set(option.section, left - gain);
    chosen.add(option.item);
    return gain;
  };
  let reachable = true;
  let gainedCents = 0;
  for (const below of sectionsBelowFloor) {
    let missing = cents(below.missing);
    for (const option of improvements) {
      if (missing <= 0) break;
      if (option.section !== below.section || chosen.has(option.item)) continue;
      const gain = take(option);
      missing -= gain;
      gainedCents += gain;
    }
    if (missing > 0) reachable = false;
  }
  for (const option of improvements) {
    if (gainedCents >= pointsMissingCents) break;
    if (chosen.has(option.item)) continue;
    const gain = take(option);
    if (gain > 0) gainedCents += gain;
    else chosen.delete(option.item);
  }
  if (gainedCents < pointsMissingCents) reachable = false;
  const quota = result.tier.rule === 'quota' && plan.tiers.findIndex((candidate) => candidate.key === result.tier.qualified) < index;
  if (vetoes.length > 0) reachable = false;
  const fewest = reachable ? improvements.filter((option) => chosen.has(option.item)).map((option) => option.item) : [];

  const title = tier.title;
  const zh: string[] = [];
  const en: string[] = [];
  // Key, then title as the explanation's lines name items; quoted, because titles may hold the list's 、.
  const named = (key: string, title: LocalizedText | undefined) => ({ 'zh-CN': title ? `${key}“${title['zh-CN']}”` : key, en: title ? `${key} "${title.en ?? title['zh-CN']}"` : key });
  const vetoNames = vetoes.map((key) => named(key, plan.vetoes.find((veto) => veto.key === key)?.title));
  if (vetoes.length > 0) {
    zh.push(`存在一票否决项 ${vetoNames.map((name) => name['zh-CN']).join('、')}`);
    en.push(`veto confirmed: ${vetoNames.map((name) => name.en).join(', ')}`);
  }
  if (quota) {
    zh.push('已达到分数要求，但排名超出名额');
    en.push('qualified, but ranked beyond the quota');
  }
  if (pointsMissingCents > 0) {
    zh.push(`还差 ${fmt(pointsMissingCents / 100)} 分`);
    en.push(`${fmt(pointsMissingCents / 100)} points short`);
  }
  for (const below of sectionsBelowFloor) {
    const title = plan.sections.find((section) => section.key === below.section)?.title ?? { 'zh-CN': below.section };
    zh.push(`${title['zh-CN']}部分得 ${fmt(below.points)} 分，低于底线 ${fmt(below.required)} 分`);
    en.push(`${title.en ?? below.section} has ${fmt(below.points)}, below its floor of ${fmt(below.required)}`);
  }
  const gap = { zh: zh.join('；'), en: en.join('; ') };
  if (fewest.length > 0) {
    const names = fewest.map((key) => named(key, plan.items.find((item) => item.key === key)?.title));
    zh.push(`最少改进：${names.map((name) => name['zh-CN']).join('、')}`);
    en.push(`fewest improvements: ${names.map((name) => name.en).join(', ')}`);
  }
  return {
    tier: tier.key,
    title,
    pointsMissing: pointsMissingCents / 100,
    sectionsBelowFloor,
    vetoes,
    quota,
    improvements,
    fewest,
    reachable,
    gap: {
      'zh-CN': `距${title['zh-CN']}：${gap.zh}`,
      en: `To reach ${title.en ?? title['zh-CN']}: ${gap.en}`,
    },
    text: {
      'zh-CN': `距${title['zh-CN']}：${zh.join('；')}`,
      en: `To reach ${title.en ?? title['zh-CN']}: ${en.join('; ')}`,
    },
  };
}
