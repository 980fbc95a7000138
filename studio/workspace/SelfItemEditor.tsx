import { Checkbox, InputNumber, Select, Switch, Tag } from 'antd';
import type { LocalizedText } from '../../runtime/schema/common';
import type { ReviewEntry } from '../../runtime/rubric/scoring-modes/types';
import { useLocale, useT } from '../i18n';
import { pick } from './text';

/** The parts of an item's scoring the editor reads; the rubric schema holds the full union. */
export interface ItemScoring {
  mode: string;
  metric?: unknown;
  levels?: { key: string }[];
  options?: { points: number; title: LocalizedText }[];
  elements?: { key: string; title: LocalizedText; metric?: unknown }[];
}

/** Items whose points come only from frozen platform data: nobody enters anything for them. */
export function isAutomatic(scoring: ItemScoring): boolean {
  return scoring.mode === 'metric' || (scoring.mode === 'binary' && scoring.metric !== undefined) || (scoring.mode === 'checklist' && (scoring.elements ?? []).every((e) => e.metric !== undefined));
}

/** One self-assessment entry, with the input its scoring mode asks for. */
export function SelfItemEditor({ itemKey, title, scoring, entry, disabled, onChange }: { itemKey: string; title: string; scoring: ItemScoring; entry: ReviewEntry | undefined; disabled: boolean; onChange: (entry: ReviewEntry) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const id = `self-${itemKey}`;
  if (isAutomatic(scoring)) return <Tag>{t('ws.assess.auto')}</Tag>;
  switch (scoring.mode) {
    case 'binary':
      return (
        <label>
          <Switch id={id} size="small" disabled={disabled} checked={entry?.met === true} onChange={(met) => onChange({ ...entry, met })} aria-label={`${title} ${t('ws.assess.met')}`} /> {t('ws.assess.met')}
        </label>
      );
    case 'graded':
      return (
        <Select
          aria-label={title}
          style={{ minWidth: 96 }}
          disabled={disabled}
          value={entry?.grade}
          onChange={(grade: string) => onChange({ ...entry, grade })}
          options={(scoring.levels ?? []).map((level) => ({ value: level.key, label: level.key }))}
        />
      );
    case 'judgement':
      return (
        <Select
          aria-label={title}
          style={{ minWidth: 160, maxWidth: '100%' }}
          disabled={disabled}
          value={entry?.value}
          onChange={(value: number) => onChange({ ...entry, value })}
          options={(scoring.options ?? []).map((option) => ({ value: option.points, label: `${pick(option.title, locale)} (${option.points})` }))}
        />
      );
    case 'checklist':
      return (
        <Checkbox.Group
          disabled={disabled}
          value={entry?.ticked ?? []}
          onChange={(ticked) => onChange({ ...entry, ticked: ticked as string[] })}
          options={(scoring.elements ?? []).filter((e) => e.metric === undefined).map((e) => ({ value: e.key, label: pick(e.title, locale) }))}
        />
      );
    case 'deduction':
      return <InputNumber aria-label={title} min={0} disabled={disabled} value={typeof entry?.defects === 'number' ? entry.defects : null} onChange={(defects) => onChange({ ...entry, defects: defects ?? 0 })} />;
    default:
      return <InputNumber aria-label={title} disabled={disabled} value={entry?.value ?? null} onChange={(value) => onChange({ ...entry, ...(value === null ? {} : { value }) })} />;
  }
}
