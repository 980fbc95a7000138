import { memo } from 'react';
import { Input, InputNumber, Select, Switch } from 'antd';
import dayjs from 'dayjs';
import type { JsonSchema } from '@jsonforms/core';
import { useT } from '../i18n';
import type { EnumOption } from './enum-options';
import { LazyDatePicker } from './LazyDatePicker';

export interface Column {
  key: string;
  label: string;
  schema: JsonSchema;
  required: boolean;
  options: EnumOption[];
}

export interface CellEditorProps {
  column: Column;
  value: unknown;
  disabled: boolean;
  error: string | undefined;
  inputId: string;
  /** Accessible name when no visible header is next to the cell. */
  ariaLabel: string;
  onChange(key: string, value: unknown): void;
  onBlur(key: string): void;
}

/** One editable cell of an array table: the primitive input matching the column's schema. */
export const CellEditor = memo(function CellEditor({ column, value, disabled, error, inputId, ariaLabel, onChange, onBlur }: CellEditorProps) {
  const t = useT();
  const { schema, key } = column;
  const status = error ? 'error' : undefined;
  const common = { id: inputId, 'aria-label': ariaLabel, 'aria-invalid': error ? true : undefined, disabled } as const;
  const blur = () => onBlur(key);
  if (column.options.length > 0) {
    return (
      <Select
        {...common}
        style={{ minWidth: 120, width: '100%' }}
        value={(value as string | number | undefined) ?? undefined}
        placeholder={t('form.selectPlaceholder')}
        status={status}
        allowClear
        onChange={(v) => onChange(key, v ?? undefined)}
        onBlur={blur}
        options={column.options.map((o) => ({ value: o.value as string | number, label: o.label }))}
      />
    );
  }
  if (schema.type === 'number' || schema.type === 'integer') {
    return (
      <InputNumber<number>
        {...common}
        style={{ minWidth: 90, width: '100%' }}
        value={typeof value === 'number' ? value : null}
        precision={schema.type === 'integer' ? 0 : undefined}
        status={status}
        onChange={(v) => onChange(key, v ?? undefined)}
        onBlur={blur}
      />
    );
  }
  if (schema.type === 'boolean') {
    return <Switch {...common} checked={value === true} onChange={(v) => onChange(key, v)} />;
  }
  if (schema.type === 'string' && (schema.format === 'date' || schema.format === 'date-time')) {
    const dateOnly = schema.format === 'date';
    return (
      <LazyDatePicker
        {...common}
        showTime={dateOnly ? false : { format: 'HH:mm' }}
        style={{ minWidth: 130, width: '100%' }}
        value={typeof value === 'string' && dayjs(value).isValid() ? dayjs(value) : null}
        status={status}
        inputReadOnly
        onChange={(d) => onChange(key, d ? (dateOnly ? d.format('YYYY-MM-DD') : d.second(0).format()) : undefined)}
      />
    );
  }
  if (schema.type === 'string') {
    return (
      <Input
        {...common}
        style={{ minWidth: 120 }}
        value={typeof value === 'string' ? value : ''}
        status={status}
        onChange={(e) => onChange(key, e.target.value === '' ? undefined : e.target.value)}
        onBlur={blur}
      />
    );
  }
  return <span className="sj-cell-error">{t('form.unsupported')}</span>;
});
