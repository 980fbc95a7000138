import { useMemo } from 'react';
import { Alert, Button, Input, InputNumber, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { JsonSchema } from '../../../runtime/expression';
import type { Transition } from '../../../runtime/schema/workflow';
import { knownRoles } from '../../../runtime/workflow/roles';
import { useLocale, useT } from '../i18n';
import { localized } from '../text';
import { checkGuard, fieldChoices, guardCel, parseGuard, type FieldChoice, type Guard, type GuardCondition, type GuardOperator } from './guard-expressions';
import type { WorkflowBody } from './workflow-model';

const choiceId = (c: { source: string; field: string }) => `${c.source}.${c.field}`;

function operatorsFor(choice: FieldChoice | undefined): GuardOperator[] {
  const presence: GuardOperator[] = choice?.alwaysPresent ? [] : ['filled', 'empty'];
  if (!choice || choice.type === 'boolean' || choice.type === 'string') return ['eq', 'ne', ...presence];
  return ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', ...presence];
}

/**
 * Common guard conditions without typing CEL: the actor holds a role, a form field or variable
 * compared with a value, all or any of them. The CEL it writes is shown and type-checked in the
 * linter's scope; an expression the picker cannot read stays editable as text for experts.
 */
export function GuardPicker({ body, transition, forms, onChange }: { body: WorkflowBody; transition: Transition; forms: Readonly<Record<string, JsonSchema>>; onChange(guard: string | undefined): void }) {
  const t = useT();
  const { locale } = useLocale();
  const choices = useMemo(() => fieldChoices(body, forms, transition), [body, forms, transition]);
  const guard = parseGuard(transition.guard, choices);
  const check = transition.guard ? checkGuard(transition.guard, body, forms, transition) : undefined;
  const eventTitle = (event: string) => {
    for (const state of Object.values(body.states)) for (const tr of state.transitions ?? []) if (tr.event === event) return localized(tr.title, locale) || event;
    return event;
  };
  const sourceLabel = (source: string) =>
    source === 'input' ? t('designer.guard.source.input') : source === 'form' ? t('designer.guard.source.form') : source === 'vars' ? t('designer.guard.source.vars') : t('designer.guard.source.data', { event: eventTitle(source.slice(5)) });
  const fieldOptions = [...new Set(choices.map((c) => c.source))].map((source) => ({
    label: sourceLabel(source),
    options: choices.filter((c) => c.source === source).map((c) => ({ value: choiceId(c), label: `${c.title ?? c.field}（${c.field}）` })),
  }));
  const write = (next: Guard) => onChange(guardCel(next, choices));
  const put = (index: number, condition: GuardCondition) => guard && write({ ...guard, conditions: guard.conditions.map((c, i) => (i === index ? condition : c)) });
  const firstField = choices[0];
  const fresh = (kind: 'role' | 'field'): GuardCondition =>
    kind === 'role' || !firstField ? { kind: 'role', role: 'stationAdmin' } : { kind: 'field', source: firstField.source, field: firstField.field, op: 'eq', value: firstField.options?.[0]?.value ?? (firstField.type === 'boolean' ? 'true' : '') };

  return (
    <div role="group" aria-label={t('designer.guard.title')} data-guard-picker>
      <Typography.Text strong>{t('designer.guard.title')}</Typography.Text>
      {guard ? (
        <>
          {guard.conditions.length > 1 ? (
            <Select aria-label={t('designer.guard.join')} size="small" style={{ width: 180, display: 'block', marginTop: 4 }} value={guard.join} onChange={(join: Guard['join']) => write({ ...guard, join })} options={[{ value: 'all', label: t('designer.guard.all') }, { value: 'any', label: t('designer.guard.any') }]} />
          ) : null}
          {guard.conditions.map((condition, i) => (
            <ConditionRow key={i} n={i + 1} condition={condition} choices={choices} fieldOptions={fieldOptions} fresh={fresh} onChange={(c) => put(i, c)} onRemove={() => write({ ...guard, conditions: guard.conditions.filter((_, j) => j !== i) })} />
          ))}
          <Space wrap style={{ marginTop: 4 }}>
            <Button size="small" icon={<PlusOutlined />} onClick={() => write({ ...guard, conditions: [...guard.conditions, fresh('role')] })}>
              {t('designer.guard.addRole')}
            </Button>
            <Button size="small" icon={<PlusOutlined />} disabled={!firstField} onClick={() => write({ ...guard, conditions: [...guard.conditions, fresh('field')] })}>
              {t('designer.guard.addField')}
            </Button>
          </Space>
        </>
      ) : (
        <Alert type="info" showIcon style={{ marginTop: 4 }} title={t('designer.guard.custom')} action={<Button size="small" onClick={() => onChange(undefined)}>{t('designer.guard.reset')}</Button>} />
      )}
      <Input.TextArea
        aria-label={t('designer.workflow.guard')}
        placeholder="has(data.dispatch)"
        autoSize={{ minRows: 1, maxRows: 4 }}
        style={{ fontFamily: 'monospace', marginTop: 6 }}
        value={transition.guard ?? ''}
        onChange={(e) => onChange(e.target.value || undefined)}
      />
      {check ? (
        check.ok ? (
          <Typography.Text type="success" data-guard-check="ok">
            {t('designer.guard.ok')}
          </Typography.Text>
        ) : (
          <Typography.Text type="danger" data-guard-check="error">
            {(locale === 'en' ? check.message.en : undefined) ?? check.message['zh-CN']}
          </Typography.Text>
        )
      ) : (
        <Typography.Text type="secondary">{t('designer.guard.none')}</Typography.Text>
      )}
    </div>
  );
}

function ConditionRow({ n, condition, choices, fieldOptions, fresh, onChange, onRemove }: { n: number; condition: GuardCondition; choices: readonly FieldChoice[]; fieldOptions: { label: string; options: { value: string; label: string }[] }[]; fresh(kind: 'role' | 'field'): GuardCondition; onChange(c: GuardCondition): void; onRemove(): void }) {
  const t = useT();
  const kind = (
    <Select aria-label={t('designer.guard.kindOf', { n })} size="small" style={{ width: 110 }} value={condition.kind} onChange={(k: 'role' | 'field') => k !== condition.kind && onChange(fresh(k))} options={[{ value: 'role', label: t('designer.guard.kind.role') }, { value: 'field', label: t('designer.guard.kind.field') }]} />
  );
  const remove = <Button size="small" icon={<DeleteOutlined />} aria-label={t('designer.guard.remove', { n })} onClick={onRemove} />;
  if (condition.kind === 'role') {
    return (
      <Space wrap style={{ display: 'flex', marginTop: 4 }} data-guard-condition={n}>
        {kind}
        <Select aria-label={t('designer.guard.roleOf', { n })} size="small" style={{ width: 160 }} value={condition.role} onChange={(role: string) => onChange({ ...condition, role })} options={knownRoles.map((r) => ({ value: r, label: t(`designer.role.${r}`) }))} />
        {remove}
      </Space>
    );
  }
  const choice = choices.find((c) => c.source === condition.source && c.field === condition.field);
  const needsValue = condition.op !== 'filled' && condition.op !== 'empty';
  let value = null;
  if (needsValue) {
    const label = t('designer.guard.valueOf', { n });
    if (choice?.options) value = <Select aria-label={label} size="small" style={{ width: 160 }} value={condition.value} onChange={(v: string) => onChange({ ...condition, value: v })} options={choice.options.map((o) => ({ value: o.value, label: o.title ?? o.value }))} />;
    else if (choice?.type === 'boolean') value = <Select aria-label={label} size="small" style={{ width: 90 }} value={condition.value ?? 'true'} onChange={(v: string) => onChange({ ...condition, value: v })} options={[{ value: 'true', label: t('designer.rule.yes') }, { value: 'false', label: t('designer.rule.no') }]} />;
    else if (choice?.type === 'number' || choice?.type === 'integer') value = <InputNumber aria-label={label} size="small" value={condition.value === undefined || condition.value === '' ? null : Number(condition.value)} onChange={(v) => onChange({ ...condition, value: v === null ? '' : String(v) })} />;
    else value = <Input aria-label={label} size="small" style={{ width: 160 }} value={condition.value ?? ''} onChange={(e) => onChange({ ...condition, value: e.target.value })} />;
  }
  return (
    <Space wrap style={{ display: 'flex', marginTop: 4 }} data-guard-condition={n}>
      {kind}
      <Select
        aria-label={t('designer.guard.fieldOf', { n })}
        size="small"
        style={{ width: 220 }}
        value={choiceId(condition)}
        onChange={(id: string) => {
          const next = choices.find((c) => choiceId(c) === id);
          if (next) onChange({ kind: 'field', source: next.source, field: next.field, op: operatorsFor(next).includes(condition.op) ? condition.op : 'eq', value: next.options?.[0]?.value ?? (next.type === 'boolean' ? 'true' : '') });
        }}
        options={fieldOptions}
      />
      <Select aria-label={t('designer.guard.opOf', { n })} size="small" style={{ width: 110 }} value={condition.op} onChange={(op: GuardOperator) => onChange({ ...condition, op })} options={operatorsFor(choice).map((op) => ({ value: op, label: t(`designer.rule.op.${op}`) }))} />
      {value}
      {remove}
    </Space>
  );
}
