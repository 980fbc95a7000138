import { useEffect, useState } from 'react';
import { Button, Select, Space, Typography } from 'antd';
import { useLocale, useT } from '../i18n';
import { computedExpression, computedOf, parseComputed, setComputed, type ComputeOperation } from './form-expressions';
import { controlOf, fieldTypeOf, labelOf, propertiesOf, type FormBody } from './form-model';

/** "This field is the sum (or product) of these number fields", written as CEL for the author. */
export function ComputedPicker({ body, field, onChange }: { body: FormBody; field: string; onChange(body: FormBody): void }) {
  const t = useT();
  const { locale } = useLocale();
  const existing = computedOf(body, field);
  const [op, setOp] = useState<ComputeOperation>('sum');
  const [fields, setFields] = useState<string[]>([]);
  useEffect(() => {
    const read = existing ? parseComputed(existing.expression) : undefined;
    setOp(read?.op ?? 'sum');
    setFields(read?.fields ?? []);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [field]);
  const typeOf = (key: string) => fieldTypeOf(propertiesOf(body)[key] ?? {}, controlOf(body, key));
  const numbers = Object.keys(propertiesOf(body)).filter((key) => key !== field && (typeOf(key) === 'number' || typeOf(key) === 'integer'));
  const expression = fields.length > 0 ? computedExpression(op, fields.map((key) => ({ key, type: typeOf(key) })), typeOf(field)) : '';
  return (
    <section aria-label={t('designer.computed.title')} data-computed-picker>
      <Typography.Text strong>{t('designer.computed.title')}</Typography.Text>
      <Space wrap style={{ display: 'flex', marginTop: 6 }}>
        <Select<ComputeOperation> aria-label={t('designer.computed.op')} value={op} onChange={setOp} style={{ width: 100 }} options={[{ value: 'sum', label: t('designer.computed.sum') }, { value: 'product', label: t('designer.computed.product') }]} />
        <Select<string[]>
          mode="multiple"
          aria-label={t('designer.computed.fields')}
          placeholder={t('designer.computed.fields')}
          style={{ minWidth: 220 }}
          value={fields}
          onChange={setFields}
          options={numbers.map((key) => ({ value: key, label: labelOf(body, key, locale) || labelOf(body, key, 'zh-CN') || key }))}
        />
      </Space>
      {existing && !parseComputed(existing.expression) ? (
        <div style={{ marginTop: 6 }}>
          <Typography.Text type="secondary">{t('designer.computed.custom')} </Typography.Text>
          <Typography.Text code>{existing.expression}</Typography.Text>
        </div>
      ) : null}
      <div style={{ marginTop: 6 }}>
        <Typography.Text type="secondary">{t('designer.rule.expression')} </Typography.Text>
        <Typography.Text code>{expression || '—'}</Typography.Text>
      </div>
      <Space style={{ marginTop: 6 }}>
        <Button disabled={!expression} onClick={() => onChange(setComputed(body, field, expression))}>
          {t('designer.computed.apply')}
        </Button>
        <Button disabled={!existing} onClick={() => onChange(setComputed(body, field, undefined))}>
          {t('designer.computed.remove')}
        </Button>
      </Space>
    </section>
  );
}
