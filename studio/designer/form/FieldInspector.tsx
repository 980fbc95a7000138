import { Button, Checkbox, Divider, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useLocale, useT } from '../i18n';
import type { LintProblem } from '../designer-api';
import { FieldProblems } from '../ProblemList';
import { localized } from '../text';
import { ColumnsEditor } from './ColumnsEditor';
import { ComputedPicker } from './ComputedPicker';
import {
  controlOf,
  fieldTypeOf,
  isRequired,
  labelOf,
  moveFieldToGroup,
  optionsOf,
  propertiesOf,
  setConstraint,
  setLabel,
  setOptions,
  setRequired,
  type Constraint,
  type FormBody,
} from './form-model';
import { RulePicker } from './RulePicker';
import { LabeledInput } from '../LabeledInput';

/** Everything about one field: labels, required, ranges and patterns, options, group, show rule, computed value. */
export function FieldInspector({ body, field, problems, onChange }: { body: FormBody; field: string; problems: readonly LintProblem[]; onChange(body: FormBody): void }) {
  const t = useT();
  const { locale } = useLocale();
  const property = propertiesOf(body)[field];
  if (!property) return null;
  const type = fieldTypeOf(property, controlOf(body, field));
  const numberOf = (name: Constraint) => (typeof property[name] === 'number' ? (property[name] as number) : null);
  const numberInput = (name: Constraint) => (
    <label style={{ display: 'inline-flex', gap: 4, alignItems: 'center' }}>
      {t(`designer.form.constraint.${name}`)}
      <InputNumber aria-label={t(`designer.form.constraint.${name}`)} value={numberOf(name)} onChange={(v) => onChange(setConstraint(body, field, name, v ?? undefined))} />
    </label>
  );
  const groups = (body.uischema?.elements ?? []).map((element, index) => ({ element, index })).filter(({ element }) => element.type === 'Group');
  const options = optionsOf(body, field);
  return (
    <section aria-label={t('designer.form.inspector')} data-inspector={field}>
      <Space wrap>
        <Typography.Text strong>{labelOf(body, field, locale) || field}</Typography.Text>
        <Tag>{field}</Tag>
        <Tag color="geekblue">{t(`designer.form.type.${type}`)}</Tag>
      </Space>
      <FieldProblems problems={problems} />
      <Space orientation="vertical" style={{ width: '100%', marginTop: 8 }} size={6}>
        <LabeledInput label={t('designer.form.labelZh')} aria-label={t('designer.form.labelZh')} value={labelOf(body, field, 'zh-CN')} onChange={(e) => onChange(setLabel(body, field, 'zh-CN', e.target.value))} />
        <LabeledInput label={t('designer.form.labelEn')} aria-label={t('designer.form.labelEn')} value={body.i18n?.en?.[`${field}.label`] ?? ''} onChange={(e) => onChange(setLabel(body, field, 'en', e.target.value))} />
        <Checkbox checked={isRequired(body, field)} onChange={(e) => onChange(setRequired(body, field, e.target.checked))}>
          {t('designer.form.required')}
        </Checkbox>
        <Space wrap>
          {type === 'number' || type === 'integer' ? (
            <>
              {numberInput('minimum')}
              {numberInput('maximum')}
            </>
          ) : null}
          {type === 'text' || type === 'textarea' ? (
            <>
              {numberInput('minLength')}
              {numberInput('maxLength')}
              <LabeledInput
                label={t('designer.form.constraint.pattern')}
                aria-label={t('designer.form.constraint.pattern')}
                placeholder="^1\d{10}$"
                value={typeof property.pattern === 'string' ? property.pattern : ''}
                onChange={(e) => onChange(setConstraint(body, field, 'pattern', e.target.value))}
              />
            </>
          ) : null}
          {type === 'multiple' || type === 'image' || type === 'file' || type === 'table' ? (
            <>
              {numberInput('minItems')}
              {numberInput('maxItems')}
            </>
          ) : null}
        </Space>
        {groups.length > 0 ? (
          <Select
            aria-label={t('designer.form.newGroup')}
            style={{ width: 240 }}
            value={groups.find(({ element }) => (element.elements ?? []).some((child) => child.scope === `#/properties/${field}`))?.index ?? -1}
            onChange={(index: number) => onChange(moveFieldToGroup(body, field, index < 0 ? undefined : index))}
            options={[{ value: -1, label: t('designer.form.noGroup') }, ...groups.map(({ element, index }) => ({ value: index, label: localized(element.label, locale) || t('designer.form.group') }))]}
          />
        ) : null}
      </Space>
      {type === 'single' || type === 'multiple' ? (
        <>
          <Divider size="small" />
          <Typography.Text strong>{t('designer.form.options')}</Typography.Text>
          {options.map((option, i) => (
            <Space.Compact key={i} style={{ display: 'flex', marginTop: 4 }}>
              <Input aria-label={t('designer.form.optionValue')} value={option.value} onChange={(e) => onChange(setOptions(body, field, options.map((o, j) => (j === i ? { ...o, value: e.target.value } : o))))} />
              <Input aria-label={t('designer.form.optionZh')} value={option.zh} onChange={(e) => onChange(setOptions(body, field, options.map((o, j) => (j === i ? { ...o, zh: e.target.value } : o))))} />
              <Input aria-label={t('designer.form.optionEn')} value={option.en} onChange={(e) => onChange(setOptions(body, field, options.map((o, j) => (j === i ? { ...o, en: e.target.value } : o))))} />
              <Button icon={<DeleteOutlined />} aria-label={t('designer.form.optionRemove')} onClick={() => onChange(setOptions(body, field, options.filter((_, j) => j !== i)))} />
            </Space.Compact>
          ))}
          <Button size="small" icon={<PlusOutlined />} style={{ marginTop: 4 }} onClick={() => onChange(setOptions(body, field, [...options, { value: `option${options.length + 1}`, zh: t('designer.form.optionNew'), en: '' }]))}>
            {t('designer.form.optionAdd')}
          </Button>
        </>
      ) : null}
      {type === 'table' ? (
        <>
          <Divider size="small" />
          <ColumnsEditor body={body} field={field} onChange={onChange} />
        </>
      ) : null}
      <Divider size="small" />
      <RulePicker body={body} field={field} onChange={onChange} />
      {type === 'number' || type === 'integer' ? (
        <>
          <Divider size="small" />
          <ComputedPicker body={body} field={field} onChange={onChange} />
        </>
      ) : null}
    </section>
  );
}
