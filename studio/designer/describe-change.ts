/**
 * Diff entries (JSON pointer + old/new value) turned into sentences a district officer reads:
 * "细则 C2 现为 10 分，原为 8 分" rather than "/sections/2/items/1/points: 8 → 10".
 */
import type { Locale, Translate } from './i18n';
import type { DefinitionBody, DiffChange } from './designer-api';
import { localized } from './text';

const unescape = (segment: string) => segment.replaceAll('~1', '/').replaceAll('~0', '~');

function at(value: unknown, segments: readonly string[]): unknown {
  let current = value;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function show(value: unknown, locale: Locale): string {
  if (value === undefined) return '—';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = localized(value, locale);
  if (text) return text;
  const json = JSON.stringify(value);
  return json.length > 80 ? `${json.slice(0, 77)}…` : json;
}

/** Item codes as officers know them ("C2"), with the title when the body has one. */
function named(node: unknown, locale: Locale, fallback: string): string {
  if (node === null || typeof node !== 'object') return fallback;
  const record = node as Record<string, unknown>;
  const code = typeof record.key === 'string' ? record.key.toUpperCase() : fallback;
  const title = localized(record.title, locale);
  return title ? `${code}「${title}」` : code;
}

export function describeChange(change: DiffChange, before: DefinitionBody, after: DefinitionBody, t: Translate, locale: Locale): string {
  const segments = change.pointer.split('/').slice(1).map(unescape);
  const body = change.op === 'remove' ? before : after;
  const from = show(change.from, locale);
  const to = show(change.to, locale);
  const [head, a, b, c, d] = segments;

  if (head === 'sections' && a !== undefined) {
    const section = at(body, ['sections', a]);
    if (b === 'items' && c !== undefined) {
      const item = named(at(body, ['sections', a, 'items', c]), locale, `${a}.${c}`);
      if (d === 'points' && change.op === 'replace') return t('designer.diff.itemPoints', { item, to, from });
      if (d === undefined) return t(change.op === 'add' ? 'designer.diff.itemAdded' : 'designer.diff.itemRemoved', { item });
      return t('designer.diff.itemChanged', { item, what: segments.slice(4).join('.'), to, from });
    }
    const name = localized(at(section, ['title']), locale) || named(section, locale, a);
    if (b === 'points' && change.op === 'replace') return t('designer.diff.sectionPoints', { section: name, to, from });
    if (b === undefined) return t(change.op === 'add' ? 'designer.diff.sectionAdded' : 'designer.diff.sectionRemoved', { section: name });
  }
  if (head === 'totalPoints') return t('designer.diff.totalPoints', { to, from });
  if (head === 'tiers' && a !== undefined && b === 'minScore') return t('designer.diff.tierThreshold', { tier: localized(at(body, ['tiers', a, 'title']), locale) || a, to, from });

  if (head === 'schema' && a === 'properties' && b !== undefined) {
    const field = localized(at(after, ['i18n', locale, `${b}.label`]), locale) || show(at(body, ['schema', 'properties', b, 'title']), locale) || b;
    if (c === undefined) return t(change.op === 'add' ? 'designer.diff.fieldAdded' : change.op === 'remove' ? 'designer.diff.fieldRemoved' : 'designer.diff.fieldChanged', { field });
    return t('designer.diff.fieldProperty', { field, what: segments.slice(3).join('.'), to, from });
  }
  if (head === 'rules') return change.op === 'add' ? t('designer.diff.ruleAdded', { rule: show(at(change.to, ['when']), locale) }) : t('designer.diff.rulesChanged');
  if (head === 'computed') return t('designer.diff.computedChanged');

  if (head === 'states' && a !== undefined) {
    const state = show(at(body, ['states', a, 'title']), locale) || a;
    if (b === undefined) return t(change.op === 'add' ? 'designer.diff.stateAdded' : 'designer.diff.stateRemoved', { state });
    if (b === 'transitions' && c !== undefined && d === undefined) {
      const transition = at(body, ['states', a, 'transitions', c]);
      const action = show(at(transition, ['title']), locale) || show(at(transition, ['event']), locale);
      return t(change.op === 'add' ? 'designer.diff.transitionAdded' : change.op === 'remove' ? 'designer.diff.transitionRemoved' : 'designer.diff.transitionChanged', { state, action });
    }
    if (b === 'task' && c === 'kind') return t('designer.diff.approvalMode', { state, to, from });
    return t('designer.diff.stateChanged', { state, what: segments.slice(2).join('.'), to, from });
  }

  const where = segments.join(' › ') || '/';
  if (change.op === 'add') return t('designer.diff.added', { where, to });
  if (change.op === 'remove') return t('designer.diff.removed', { where });
  return t('designer.diff.replaced', { where, to, from });
}
