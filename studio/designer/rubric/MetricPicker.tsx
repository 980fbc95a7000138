import { useMemo, useState } from 'react';
import { Input, InputNumber, Select, Space, Typography } from 'antd';
import { z } from 'zod';
import { metricRegistry } from '../../../runtime/rubric/metrics/registry';
import type { DerivedMetric, MetricRef } from '../../../runtime/schema/rubric';
import { useLocale, useT } from '../i18n';
import { localized } from '../text';

interface ParamSpec {
  name: string;
  type: 'number' | 'string' | 'strings' | 'json';
  required: boolean;
  options?: string[];
}

type JsonSchemaNode = { type?: string | string[]; enum?: unknown[]; items?: JsonSchemaNode; properties?: Record<string, JsonSchemaNode>; required?: string[] };

/** The parameters a registry metric takes, read from its zod schema; complex ones are edited as JSON. */
export function paramSpecs(key: string): ParamSpec[] {
  const metric = metricRegistry.get(key);
  if (!metric) return [];
  const schema = z.toJSONSchema(metric.params, { unrepresentable: 'any' }) as JsonSchemaNode;
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, node]) => {
    const base = { name, required: required.has(name) };
    if (node.enum?.every((v) => typeof v === 'string')) return { ...base, type: 'string', options: node.enum as string[] };
    if (node.type === 'number' || node.type === 'integer') return { ...base, type: 'number' };
    if (node.type === 'string') return { ...base, type: 'string' };
    if (node.type === 'array' && node.items?.type === 'string') return { ...base, type: 'strings' };
    return { ...base, type: 'json' };
  });
}

/** Sets one parameter; an emptied parameter is dropped, and so is an emptied params object. */
export function withParam(ref: MetricRef, name: string, value: unknown): MetricRef {
  const params = { ...(ref.params ?? {}) };
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete params[name];
  else params[name] = value;
  const { params: _old, ...rest } = ref;
  return Object.keys(params).length > 0 ? { ...rest, params } : rest;
}

/**
 * Picks the metric an item reads from the catalogue (runtime/rubric/metrics) or the rubric's own
 * derived metrics, and edits its parameters by their types; the definition says what is counted.
 */
export function MetricPicker({ value, own, label, onChange }: { value: MetricRef | undefined; own: readonly DerivedMetric[]; label: string; onChange(ref: MetricRef): void }) {
  const t = useT();
  const { locale } = useLocale();
  const options = useMemo(
    () => [
      { label: t('designer.rubric.metricCatalogue'), options: [...metricRegistry.values()].map((m) => ({ value: m.key, label: `${localized(m.title, locale)} · ${m.key}` })) },
      ...(own.length > 0 ? [{ label: t('designer.rubric.metricOwn'), options: own.map((m) => ({ value: m.key, label: `${localized(m.title, locale)} · ${m.key}` })) }] : []),
    ],
    [own, locale, t],
  );
  const registered = value ? metricRegistry.get(value.key) : undefined;
  const derived = value ? own.find((m) => m.key === value.key) : undefined;
  const described = registered ? localized(registered.definition, locale) : derived ? localized(derived.description ?? derived.title, locale) : '';
  return (
    <div data-metric-picker>
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        aria-label={label}
        style={{ width: '100%' }}
        value={value?.key}
        placeholder={t('designer.rubric.pickMetric')}
        // Another metric takes other parameters: start it without any.
        onChange={(key: string) => onChange({ key })}
        options={options}
      />
      {value && described ? (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0', fontSize: 12 }} data-metric-definition>
          {described} {registered ? t('designer.rubric.metricUnit', { unit: registered.unit }) : null}
        </Typography.Paragraph>
      ) : null}
      {value && registered
        ? paramSpecs(value.key).map((spec) => <ParamInput key={spec.name} spec={spec} value={value.params?.[spec.name]} label={t('designer.rubric.metricParam', { name: spec.name })} onChange={(v) => onChange(withParam(value, spec.name, v))} />)
        : null}
    </div>
  );
}

function ParamInput({ spec, value, label, onChange }: { spec: ParamSpec; value: unknown; label: string; onChange(value: unknown): void }) {
  const [draft, setDraft] = useState(() => (spec.type === 'json' && value !== undefined ? JSON.stringify(value) : ''));
  const [bad, setBad] = useState(false);
  let input;
  if (spec.type === 'number') input = <InputNumber aria-label={label} value={typeof value === 'number' ? value : null} onChange={(v) => onChange(v ?? undefined)} />;
  else if (spec.options) input = <Select allowClear aria-label={label} style={{ minWidth: 160 }} value={value as string | undefined} onChange={(v?: string) => onChange(v)} options={spec.options.map((o) => ({ value: o, label: o }))} />;
  else if (spec.type === 'string') input = <Input aria-label={label} style={{ width: 200 }} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} />;
  else if (spec.type === 'strings') input = <Select mode="tags" aria-label={label} style={{ minWidth: 220 }} value={Array.isArray(value) ? (value as string[]) : []} onChange={(v: string[]) => onChange(v)} />;
  else
    input = (
      <Input
        aria-label={label}
        status={bad ? 'error' : undefined}
        style={{ width: 320, fontFamily: 'monospace' }}
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          if (!e.target.value.trim()) return (setBad(false), onChange(undefined));
          try {
            onChange(JSON.parse(e.target.value));
            setBad(false);
          } catch {
            setBad(true);
          }
        }}
      />
    );
  return (
    <Space style={{ display: 'flex', marginTop: 4 }} data-param={spec.name}>
      <Typography.Text code>
        {spec.name}
        {spec.required ? ' *' : ''}
      </Typography.Text>
      {input}
    </Space>
  );
}
