import { memo, useCallback, useContext, useMemo, useRef, useSyncExternalStore } from 'react';
import { Button, Space } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Resolve, type ControlProps, type JsonSchema } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { useT } from '../i18n';
import { CellEditor, type Column } from './CellEditor';
import { FormStoreContext, RenderObserverContext, useControlState, useFormReadonly, useFormTranslate, useFormWidth } from './context';
import { enumOptions } from './enum-options';
import { FieldShell } from './FieldShell';

type Row = Record<string, unknown> | undefined;

interface ArrayRowProps {
  row: Row;
  index: number;
  count: number;
  columns: Column[];
  path: string;
  idBase: string;
  disabled: boolean;
  phone: boolean;
  onCellChange(index: number, key: string, value: unknown): void;
  onCellBlur(index: number, key: string): void;
  onRemove(index: number): void;
  onMove(index: number, delta: -1 | 1): void;
}

/**
 * One row. Memoized on its own row object: JSON Forms updates data immutably with structural sharing,
 * so typing in row 3 gives row 3 a new object and leaves every other row's object (and render) alone.
 */
const ArrayRow = memo(function ArrayRow(props: ArrayRowProps) {
  const { row, index, count, columns, path, idBase, disabled, phone, onCellChange, onCellBlur, onRemove, onMove } = props;
  useContext(RenderObserverContext)?.(`${path}.${index}`);
  const t = useT();
  const readonly = useFormReadonly();
  const store = useContext(FormStoreContext);
  const rowPath = `${path}.${index}`;
  const errors = useSyncExternalStore(store.subscribe, () => store.errorsUnder(rowPath), () => store.errorsUnder(rowPath));
  const change = useCallback((key: string, value: unknown) => onCellChange(index, key, value), [index, onCellChange]);
  const blur = useCallback((key: string) => onCellBlur(index, key), [index, onCellBlur]);
  const rowLabel = t('array.row', { index: index + 1 });

  const actions = disabled ? null : (
    <Space size={2} className="sj-array-actions">
      <Button size="small" type="text" icon={<ArrowUpOutlined />} aria-label={`${rowLabel} ${t('array.moveUp')}`} title={t('array.moveUp')} disabled={index === 0} onClick={() => onMove(index, -1)} />
      <Button size="small" type="text" icon={<ArrowDownOutlined />} aria-label={`${rowLabel} ${t('array.moveDown')}`} title={t('array.moveDown')} disabled={index === count - 1} onClick={() => onMove(index, 1)} />
      <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`${rowLabel} ${t('array.remove')}`} title={t('array.remove')} onClick={() => onRemove(index)} />
    </Space>
  );
  const cell = (column: Column) => (
    <>
      <CellEditor
        column={column}
        value={row?.[column.key]}
        disabled={disabled}
        error={errors[column.key]}
        inputId={`${idBase}-${index}-${column.key}`}
        ariaLabel={`${rowLabel} ${column.label}`}
        onChange={change}
        onBlur={blur}
      />
      {errors[column.key] ? <div className="sj-cell-error">{errors[column.key]}</div> : null}
    </>
  );

  if (phone) {
    return (
      <div className="sj-array-card" data-row={index}>
        <div className="sj-array-card-head">
          <span>{rowLabel}</span>
          {actions}
        </div>
        {columns.map((column) => (
          <div key={column.key} className="sj-field">
            <div className="sj-label">
              <label htmlFor={`${idBase}-${index}-${column.key}`}>
                {column.required && !readonly ? <span className="sj-required" aria-hidden="true">*</span> : null}
                {column.label}
              </label>
            </div>
            {cell(column)}
          </div>
        ))}
      </div>
    );
  }
  return (
    <tr data-row={index}>
      {columns.map((column) => (
        <td key={column.key}>{cell(column)}</td>
      ))}
      {disabled ? null : <td>{actions}</td>}
    </tr>
  );
});

function ArrayTableControlView(props: ControlProps & { i18nKeyPrefix?: string }) {
  const { data, path, schema, rootSchema, handleChange, label, required, id, enabled, visible, description } = props;
  const t = useT();
  const ft = useFormTranslate();
  const state = useControlState(path);
  const store = useContext(FormStoreContext);
  const phone = useFormWidth() === 'phone';
  const readonly = useFormReadonly();
  const prefix = props.i18nKeyPrefix ?? path.replace(/\.\d+(?=\.|$)/g, '');

  const itemSchema = useMemo<JsonSchema>(() => {
    const items = schema.items;
    if (!items || Array.isArray(items) || typeof items !== 'object') return {};
    const ref = (items as JsonSchema).$ref;
    return ref ? (Resolve.schema(rootSchema, ref, rootSchema) ?? {}) : (items as JsonSchema);
  }, [schema, rootSchema]);
  const columns = useMemo<Column[]>(
    () =>
      Object.entries(itemSchema.properties ?? {}).map(([key, columnSchema]) => ({
        key,
        schema: columnSchema,
        label: ft(`${prefix}.${key}.label`, (columnSchema as JsonSchema).title ?? key),
        required: itemSchema.required?.includes(key) ?? false,
        options: enumOptions(columnSchema, `${prefix}.${key}`, ft),
      })),
    [itemSchema, prefix, ft],
  );

  const rows: Row[] = Array.isArray(data) ? (data as Row[]) : [];
  // Row callbacks must stay identical across renders (or every row re-renders), so they read the latest rows from a ref.
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const onCellChange = useCallback((index: number, key: string, value: unknown) => handleChange(`${path}.${index}.${key}`, value), [handleChange, path]);
  const onCellBlur = useCallback((index: number, key: string) => store.touch(`${path}.${index}.${key}`), [store, path]);
  const onRemove = useCallback(
    (index: number) => {
      store.touch(path);
      handleChange(path, rowsRef.current.filter((_, i) => i !== index));
    },
    [handleChange, path, store],
  );
  const onMove = useCallback(
    (index: number, delta: -1 | 1) => {
      const next = [...rowsRef.current];
      const target = index + delta;
      if (target < 0 || target >= next.length) return;
      [next[index], next[target]] = [next[target], next[index]];
      handleChange(path, next);
    },
    [handleChange, path],
  );

  if (!visible || !state.visible) return null;
  const disabled = !enabled || !state.enabled || state.computed;
  const rowElements = rows.map((row, index) => (
    <ArrayRow
      key={index}
      row={row}
      index={index}
      count={rows.length}
      columns={columns}
      path={path}
      idBase={id}
      disabled={disabled}
      phone={phone}
      onCellChange={onCellChange}
      onCellBlur={onCellBlur}
      onRemove={onRemove}
      onMove={onMove}
    />
  ));

  return (
    <FieldShell id={id} label={label} required={required} description={description} error={state.error} group>
      <div className="sj-array" role="group" aria-labelledby={`${id}-label`}>
        {phone ? (
          rowElements
        ) : (
          <table>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column.key} scope="col">
                    {column.required && !readonly ? <span className="sj-required" aria-hidden="true">*</span> : null}
                    {column.label}
                  </th>
                ))}
                {disabled ? null : <th scope="col">{t('array.actions')}</th>}
              </tr>
            </thead>
            <tbody>{rowElements}</tbody>
          </table>
        )}
        {rows.length === 0 ? <div className="sj-extra">{t('array.empty')}</div> : null}
        {disabled ? null : (
          <Button
            style={{ marginTop: 8 }}
            icon={<PlusOutlined />}
            onClick={() => {
              store.touch(path);
              handleChange(path, [...rowsRef.current, {}]);
            }}
          >
            {t('array.add')}
          </Button>
        )}
      </div>
    </FieldShell>
  );
}

export const ArrayTableControl = withJsonFormsControlProps(ArrayTableControlView);
export { arrayTableControlTester } from './testers';
