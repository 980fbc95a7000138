import { useEffect, useState } from 'react';
import { Button, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useLocale, useT } from '../i18n';
import { conditionExpression, parseCondition, ruleOf, ruleOperators, setRule, type RuleCondition, type RuleEffect, type RuleOperator } from './form-expressions';
import { controlOf, fieldTypeOf, labelOf, optionsOf, propertiesOf, type FormBody } from './form-model';

const effects: RuleEffect[] = ['SHOW', 'HIDE', 'ENABLE', 'DISABLE'];
const needsValue = (op: RuleOperator) => op !== 'filled' && op !== 'empty';

/**
 * "Show this field when 〈field〉 〈is / is not / is filled / >〉 〈value〉": the author picks, the picker
 * writes the CEL. An expression the picker cannot read stays editable as text.
 */
export function RulePicker({ body, field, onChange }: { body: FormBody; field: string; onChange(body: FormBody): void }) {
  const t = useT();
  const { locale } = useLocale();
  const existing = ruleOf(body, field);
  const parsed = existing ? parseCondition(existing.when) : undefined;
  const [effect, setEffect] = useState<RuleEffect>(existing?.effect ?? 'SHOW');
  const [condition, setCondition] = useState<Partial<RuleCondition>>(parsed ?? { op: 'eq' });
  const [custom, setCustom] = useState(existing && !parsed ? existing.when : '');
  useEffect(() => {
    const rule = ruleOf(body, field);
    const read = rule ? parseCondition(rule.when) : undefined;
    setEffect(rule?.effect ?? 'SHOW');
    setCondition(read ?? { op: 'eq' });
    setCustom(rule && !read ? rule.when : '');
    // Only a change of field resets the picker; edits of the body come from the picker itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [field]);

  const others = Object.keys(propertiesOf(body)).filter((key) => key !== field);
  const targetType = condition.field ? fieldTypeOf(propertiesOf(body)[condition.field] ?? {}, controlOf(body, condition.field)) : 'text';
  const choices = condition.field ? optionsOf(body, condition.field) : [];
  const complete = condition.field && condition.op && (!needsValue(condition.op) || (condition.value ?? '') !== '');
  const expression = custom || (complete ? conditionExpression(condition as RuleCondition, targetType) : '');
  const numeric = targetType === 'number' || targetType === 'integer';
  const operators = ruleOperators.filter((op) => numeric || !['gt', 'gte', 'lt', 'lte'].includes(op));

  const valueInput = !condition.op || !needsValue(condition.op) ? null : choices.length > 0 ? (
    <Select aria-label={t('designer.rule.value')} style={{ minWidth: 140 }} value={condition.value} onChange={(value: string) => setCondition({ ...condition, value })} options={choices.map((o) => ({ value: o.value, label: locale === 'en' && o.en ? o.en : o.zh }))} />
  ) : targetType === 'boolean' ? (
    <Select aria-label={t('designer.rule.value')} style={{ minWidth: 100 }} value={condition.value} onChange={(value: string) => setCondition({ ...condition, value })} options={[{ value: 'true', label: t('designer.rule.yes') }, { value: 'false', label: t('designer.rule.no') }]} />
  ) : numeric ? (
    <InputNumber aria-label={t('designer.rule.value')} value={condition.value === undefined || condition.value === '' ? null : Number(condition.value)} onChange={(value) => setCondition({ ...condition, value: value === null ? '' : String(value) })} />
  ) : (
    <Input aria-label={t('designer.rule.value')} style={{ width: 160 }} value={condition.value ?? ''} onChange={(e) => setCondition({ ...condition, value: e.target.value })} />
  );

  return (
    <section aria-label={t('designer.rule.title')} data-rule-picker>
      <Typography.Text strong>{t('designer.rule.title')}</Typography.Text>
      <Space wrap style={{ display: 'flex', marginTop: 6 }}>
        <Select<RuleEffect> aria-label={t('designer.rule.effect')} value={effect} onChange={setEffect} style={{ width: 110 }} options={effects.map((e) => ({ value: e, label: t(`designer.form.effect.${e}`) }))} />
        <span>{t('designer.rule.when')}</span>
        <Select<string>
          aria-label={t('designer.rule.field')}
          placeholder={t('designer.rule.field')}
          style={{ minWidth: 160 }}
          value={condition.field}
          onChange={(value) => {
            setCustom('');
            setCondition({ field: value, op: 'eq' });
          }}
          options={others.map((key) => ({ value: key, label: labelOf(body, key, locale) || labelOf(body, key, 'zh-CN') || key }))}
        />
        <Select<RuleOperator> aria-label={t('designer.rule.operator')} style={{ width: 120 }} value={condition.op} onChange={(op) => setCondition({ ...condition, op })} options={operators.map((op) => ({ value: op, label: t(`designer.rule.op.${op}`) }))} />
        {valueInput}
      </Space>
      {custom ? (
        <Input.TextArea aria-label={t('designer.rule.custom')} value={custom} onChange={(e) => setCustom(e.target.value)} autoSize style={{ marginTop: 6, fontFamily: 'monospace' }} />
      ) : null}
      <div style={{ marginTop: 6 }}>
        <Typography.Text type="secondary">{t('designer.rule.expression')} </Typography.Text>
        <Typography.Text code data-expression>{expression || '—'}</Typography.Text>
      </div>
      <Space style={{ marginTop: 6 }}>
        <Button type="primary" disabled={!expression} onClick={() => onChange(setRule(body, field, { effect, when: expression }))}>
          {t('designer.rule.apply')}
        </Button>
        <Button disabled={!existing} onClick={() => onChange(setRule(body, field, undefined))}>
          {t('designer.rule.remove')}
        </Button>
      </Space>
    </section>
  );
}
