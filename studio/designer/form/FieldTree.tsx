import { Badge, Button, Space, Tag, Tooltip } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import type { UiSchemaElement } from '../../../runtime/schema/form';
import { useLocale, useT } from '../i18n';
import type { LintProblem } from '../designer-api';
import { localized } from '../text';
import { fieldTypeOf, keyOfScope, labelOf, propertiesOf, type ElementPath, type FormBody } from './form-model';
import { ruleOf } from './form-expressions';

export interface FieldTreeProps {
  body: FormBody;
  selected: string | undefined;
  problems: Map<string, LintProblem[]>;
  onSelect(key: string): void;
  onMove(path: ElementPath, delta: -1 | 1): void;
  onRemove(key: string): void;
}

/** The layout as a list people can reorder: fields in their groups and rows, each with ↑ ↓ and delete. */
export function FieldTree(props: FieldTreeProps) {
  return <ol className="sj-field-tree" style={{ listStyle: 'none', paddingInlineStart: 0, margin: 0 }}>{(layoutElements(props.body)).map((el, i) => <Node key={i} {...props} element={el} path={[i]} />)}</ol>;
}

function layoutElements(body: FormBody): UiSchemaElement[] {
  return (body.uischema?.elements ?? Object.keys(propertiesOf(body)).map((key) => ({ type: 'Control', scope: `#/properties/${key}` }))) as UiSchemaElement[];
}

function Node(props: FieldTreeProps & { element: UiSchemaElement; path: ElementPath }) {
  const t = useT();
  const { locale } = useLocale();
  const { element, path, body } = props;
  const moves = (
    <>
      <Button size="small" type="text" icon={<ArrowUpOutlined />} aria-label={t('designer.form.moveUp')} onClick={(e) => (e.stopPropagation(), props.onMove(path, -1))} />
      <Button size="small" type="text" icon={<ArrowDownOutlined />} aria-label={t('designer.form.moveDown')} onClick={(e) => (e.stopPropagation(), props.onMove(path, 1))} />
    </>
  );
  if (element.type === 'Control') {
    const key = keyOfScope(element.scope) ?? '';
    const property = propertiesOf(body)[key] ?? {};
    const problems = props.problems.get(key) ?? [];
    const rule = ruleOf(body, key);
    return (
      <li
        data-field={key}
        className={`sj-field-node${props.selected === key ? ' sj-field-selected' : ''}`}
        onClick={() => props.onSelect(key)}
        style={{ display: 'flex', alignItems: 'center', gap: 6, padding: '4px 8px', marginBlock: 2, borderRadius: 4, cursor: 'pointer', border: `1px solid ${props.selected === key ? '#0958d9' : problems.length ? '#ff4d4f' : '#f0f0f0'}`, background: '#fff' }}
      >
        <Badge count={problems.length} size="small" offset={[4, 0]}>
          <button type="button" className="sj-link-button" style={{ border: 0, background: 'none', padding: 0, cursor: 'pointer', fontWeight: 500 }} onClick={() => props.onSelect(key)}>
            {labelOf(body, key, locale) || labelOf(body, key, 'zh-CN') || key}
          </button>
        </Badge>
        <Tag>{t(`designer.form.type.${fieldTypeOf(property, element)}`)}</Tag>
        {((body.schema as { required?: string[] }).required ?? []).includes(key) ? <Tag color="red">{t('designer.form.required')}</Tag> : null}
        {rule ? (
          <Tooltip title={rule.when}>
            <Tag color="blue">{t(`designer.form.effect.${rule.effect}`)}</Tag>
          </Tooltip>
        ) : null}
        <span style={{ flex: 1 }} />
        <Space size={0}>
          {moves}
          <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('designer.form.remove', { field: key })} onClick={(e) => (e.stopPropagation(), props.onRemove(key))} />
        </Space>
      </li>
    );
  }
  const label = localized(element.label, locale) || (typeof element.i18n === 'string' ? (body.i18n?.[locale]?.[`${element.i18n}.label`] ?? '') : '');
  return (
    <li data-layout={element.type} style={{ marginBlock: 4, padding: 6, border: '1px dashed #d9d9d9', borderRadius: 6 }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
        <Tag color="purple">{t(element.type === 'Group' || element.type === 'Category' ? 'designer.form.group' : element.type === 'HorizontalLayout' ? 'designer.form.row' : 'designer.form.layout')}</Tag>
        <span>{label}</span>
        <span style={{ flex: 1 }} />
        {moves}
      </div>
      <ol style={{ listStyle: 'none', paddingInlineStart: 12, margin: 0 }}>
        {(element.elements ?? []).map((child, i) => (
          <Node key={i} {...props} element={child} path={[...path, i]} />
        ))}
      </ol>
    </li>
  );
}
