import type { ReactNode } from 'react';
import { Button, Checkbox, Input, InputNumber, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { LocalizedText } from '../../../runtime/schema/common';
import type { DerivedMetric, Scoring } from '../../../runtime/schema/rubric';
import { useT } from '../i18n';
import type { LintProblem } from '../designer-api';
import { problemsAt } from '../editor-types';
import { FieldProblems } from '../ProblemList';
import { MetricPicker } from './MetricPicker';

type Of<M extends Scoring['mode']> = Extract<Scoring, { mode: M }>;

interface Props {
  scoring: Scoring;
  /** The item's maximum, shown beside the parameters it bounds. */
  points: number;
  /** The item's code for labels, e.g. C2. */
  code: string;
  own: readonly DerivedMetric[];
  /** Pointer of the item's `scoring`, for showing lint problems at the parameter they concern. */
  pointer: string;
  problems: readonly LintProblem[];
  onChange(scoring: Scoring): void;
}

const pct = (share: number) => Math.round(share * 100);
const zh = (title: LocalizedText | undefined, value: string): LocalizedText => ({ ...(title ?? {}), 'zh-CN': value });
const en = (title: LocalizedText, value: string): LocalizedText => ({ 'zh-CN': title['zh-CN'], ...(value ? { en: value } : {}) });

/** The English of a row's wording, beside its Chinese (the linter warns about labels without English). */
function EnglishInput({ title, label, onChange }: { title: LocalizedText; label: string; onChange(title: LocalizedText): void }) {
  return <Input aria-label={label} placeholder={label} style={{ width: 200 }} value={title.en ?? ''} onChange={(e) => onChange(en(title, e.target.value))} />;
}

/** A list of rows with remove buttons and an add button: levels, defects, bands, elements, options. */
function Rows<T>({ rows, name, min, render, onChange, make, problems }: { rows: readonly T[]; name: string; min: number; render(row: T, index: number, put: (row: T) => void): ReactNode; onChange(rows: T[]): void; make(rows: readonly T[]): T; problems: readonly LintProblem[] }) {
  const t = useT();
  return (
    <div role="group" aria-label={name} data-rows={name}>
      <FieldProblems problems={problems} />
      {rows.map((row, i) => (
        <Space key={i} wrap style={{ display: 'flex', marginTop: 4 }}>
          {render(row, i, (next) => onChange(rows.map((r, j) => (j === i ? next : r))))}
          <Button size="small" icon={<DeleteOutlined />} disabled={rows.length <= min} aria-label={t('designer.rubric.removeRow', { name, n: i + 1 })} onClick={() => onChange(rows.filter((_, j) => j !== i))} />
        </Space>
      ))}
      <Button size="small" icon={<PlusOutlined />} style={{ marginTop: 4 }} onClick={() => onChange([...rows, make(rows)])}>
        {t('designer.rubric.addRow', { name })}
      </Button>
    </div>
  );
}

const nextKey = (prefix: string, keys: readonly string[]) => {
  let n = keys.length + 1;
  while (keys.includes(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
};

/** The parameters of one scoring mode (runtime/rubric/scoring-modes), edited without JSON. */
export function ScoringEditor({ scoring, points, code, own, pointer, problems, onChange }: Props) {
  const t = useT();
  const at = (relative: string) => problemsAt(problems, `${pointer}/${relative}`);
  const metricLabel = t('designer.rubric.metricOf', { item: code });
  switch (scoring.mode) {
    case 'binary': {
      const put = (next: Partial<Of<'binary'>>) => onChange({ ...scoring, ...next });
      return (
        <div data-scoring="binary">
          <Checkbox
            checked={scoring.metric !== undefined}
            onChange={(e) => {
              const { metric: _drop, ...rest } = scoring;
              onChange(e.target.checked ? { ...rest, metric: { key: 'activities-count' } } : rest);
            }}
          >
            {t('designer.rubric.binaryAutomatic')}
          </Checkbox>
          {scoring.metric ? (
            <>
              <MetricPicker value={scoring.metric} own={own} label={metricLabel} onChange={(metric) => put({ metric })} />
              <label style={{ display: 'block', marginTop: 4 }}>
                {t('designer.rubric.atLeast')} <InputNumber aria-label={t('designer.rubric.atLeast')} value={scoring.atLeast ?? 1} onChange={(v) => v !== null && put({ atLeast: v })} />
              </label>
            </>
          ) : (
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
              {t('designer.rubric.binaryManual', { points })}
            </Typography.Paragraph>
          )}
          <FieldProblems problems={at('metric')} />
        </div>
      );
    }
    case 'graded':
      return (
        <div data-scoring="graded">
          <Rows
            name={t('designer.rubric.levels')}
            rows={scoring.levels}
            min={2}
            problems={at('levels')}
            onChange={(levels) => onChange({ ...scoring, levels })}
            make={(rows) => ({ key: String.fromCharCode(65 + rows.length), share: 0 })}
            render={(level, i, put) => (
              <>
                <Input aria-label={t('designer.rubric.levelKey', { n: i + 1 })} style={{ width: 70 }} value={level.key} onChange={(e) => put({ ...level, key: e.target.value })} />
                <InputNumber aria-label={t('designer.rubric.levelShare', { n: i + 1 })} min={0} max={100} suffix="%" value={pct(level.share)} onChange={(v) => v !== null && put({ ...level, share: v / 100 })} />
                <Typography.Text type="secondary">{t('designer.rubric.pointsWorth', { points: Math.round(points * level.share * 100) / 100 })}</Typography.Text>
              </>
            )}
          />
        </div>
      );
    case 'deduction':
      return (
        <div data-scoring="deduction">
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
            {t('designer.rubric.deductionHint', { points })}
          </Typography.Paragraph>
          <Rows
            name={t('designer.rubric.defects')}
            rows={scoring.defects}
            min={1}
            problems={at('defects')}
            onChange={(defects) => onChange({ ...scoring, defects })}
            make={(rows) => ({ key: nextKey('d', rows.map((r) => r.key)), title: { 'zh-CN': t('designer.rubric.newDefect') }, points: 0.5 })}
            render={(defect, i, put) => (
              <>
                <Input aria-label={t('designer.rubric.defectTitle', { n: i + 1 })} style={{ width: 240 }} value={defect.title['zh-CN']} onChange={(e) => put({ ...defect, title: zh(defect.title, e.target.value) })} />
                <EnglishInput title={defect.title} label={t('designer.rubric.inEnglish', { name: t('designer.rubric.defectTitle', { n: i + 1 }) })} onChange={(title) => put({ ...defect, title })} />
                <InputNumber aria-label={t('designer.rubric.defectPoints', { n: i + 1 })} min={0.1} step={0.5} value={defect.points} onChange={(v) => v !== null && put({ ...defect, points: v })} />
                <InputNumber aria-label={t('designer.rubric.defectMax', { n: i + 1 })} min={1} placeholder={t('designer.rubric.unlimited')} value={defect.maxCount ?? null} onChange={(v) => put({ ...defect, maxCount: v ?? undefined })} />
              </>
            )}
          />
        </div>
      );
    case 'metric': {
      const scale = scoring.scale;
      return (
        <div data-scoring="metric">
          <MetricPicker value={scoring.metric} own={own} label={metricLabel} onChange={(metric) => onChange({ ...scoring, metric })} />
          <FieldProblems problems={at('metric')} />
          <Space wrap style={{ display: 'flex', marginTop: 6 }}>
            <Select
              aria-label={t('designer.rubric.scaleType')}
              style={{ width: 150 }}
              value={scale.type}
              onChange={(type: 'linear' | 'stepped') => onChange({ ...scoring, scale: type === 'linear' ? { type, zeroAt: 0, fullAt: 10 } : { type, bands: [{ atLeast: 1, share: 0.5 }, { atLeast: 2, share: 1 }] } })}
              options={[{ value: 'linear', label: t('designer.rubric.scaleLinear') }, { value: 'stepped', label: t('designer.rubric.scaleStepped') }]}
            />
            {scale.type === 'linear' ? (
              <>
                <label>
                  {t('designer.rubric.zeroAt')} <InputNumber aria-label={t('designer.rubric.zeroAt')} value={scale.zeroAt} onChange={(v) => v !== null && onChange({ ...scoring, scale: { ...scale, zeroAt: v } })} />
                </label>
                <label>
                  {t('designer.rubric.fullAt')} <InputNumber aria-label={t('designer.rubric.fullAt')} value={scale.fullAt} onChange={(v) => v !== null && onChange({ ...scoring, scale: { ...scale, fullAt: v } })} />
                </label>
              </>
            ) : null}
          </Space>
          {scale.type === 'stepped' ? (
            <Rows
              name={t('designer.rubric.bands')}
              rows={scale.bands}
              min={1}
              problems={at('scale')}
              onChange={(bands) => onChange({ ...scoring, scale: { ...scale, bands } })}
              make={(rows) => ({ atLeast: (rows[rows.length - 1]?.atLeast ?? 0) + 1, share: 1 })}
              render={(band, i, put) => (
                <>
                  <InputNumber aria-label={t('designer.rubric.bandAtLeast', { n: i + 1 })} prefix="≥" value={band.atLeast} onChange={(v) => v !== null && put({ ...band, atLeast: v })} />
                  <InputNumber aria-label={t('designer.rubric.bandShare', { n: i + 1 })} min={0} max={100} suffix="%" value={pct(band.share)} onChange={(v) => v !== null && put({ ...band, share: v / 100 })} />
                </>
              )}
            />
          ) : (
            <FieldProblems problems={at('scale')} />
          )}
        </div>
      );
    }
    case 'checklist':
      return (
        <div data-scoring="checklist">
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
            {t('designer.rubric.checklistHint', { points, sum: Math.round(scoring.elements.reduce((s, e) => s + e.points, 0) * 100) / 100 })}
          </Typography.Paragraph>
          <Rows
            name={t('designer.rubric.elements')}
            rows={scoring.elements}
            min={1}
            problems={at('elements')}
            onChange={(elements) => onChange({ ...scoring, elements })}
            make={(rows) => ({ key: nextKey('e', rows.map((r) => r.key)), title: { 'zh-CN': t('designer.rubric.newElement') }, points: 0.5, atLeast: 1 })}
            render={(element, i, put) => (
              <>
                <Input aria-label={t('designer.rubric.elementTitle', { n: i + 1 })} style={{ width: 240 }} value={element.title['zh-CN']} onChange={(e) => put({ ...element, title: zh(element.title, e.target.value) })} />
                <EnglishInput title={element.title} label={t('designer.rubric.inEnglish', { name: t('designer.rubric.elementTitle', { n: i + 1 }) })} onChange={(title) => put({ ...element, title })} />
                <InputNumber aria-label={t('designer.rubric.elementPoints', { n: i + 1 })} min={0.1} step={0.5} value={element.points} onChange={(v) => v !== null && put({ ...element, points: v })} />
              </>
            )}
          />
        </div>
      );
    case 'judgement':
      return (
        <div data-scoring="judgement">
          <Rows
            name={t('designer.rubric.options')}
            rows={scoring.options}
            min={2}
            problems={at('options')}
            onChange={(options) => onChange({ ...scoring, options })}
            make={(rows) => ({ points: Math.max(0, ...rows.map((r) => r.points)) / 2, title: { 'zh-CN': t('designer.rubric.newOption') } })}
            render={(option, i, put) => (
              <>
                <InputNumber aria-label={t('designer.rubric.optionPoints', { n: i + 1 })} min={0} max={points} step={0.5} value={option.points} onChange={(v) => v !== null && put({ ...option, points: v })} />
                <Input aria-label={t('designer.rubric.optionTitle', { n: i + 1 })} style={{ width: 240 }} value={option.title['zh-CN']} onChange={(e) => put({ ...option, title: zh(option.title, e.target.value) })} />
                <EnglishInput title={option.title} label={t('designer.rubric.inEnglish', { name: t('designer.rubric.optionTitle', { n: i + 1 }) })} onChange={(title) => put({ ...option, title })} />
              </>
            )}
          />
        </div>
      );
  }
}
