import { lazy, Suspense, useState, type AriaAttributes, type CSSProperties } from 'react';
import { Input } from 'antd';
import type { Dayjs } from 'dayjs';

const loadPicker = () => import('./DatePickerField');
const DatePickerField = lazy(loadPicker);

const isDayjs = (v: unknown): v is Dayjs => typeof v === 'object' && v !== null && typeof (v as Dayjs).isValid === 'function' && typeof (v as Dayjs).format === 'function';

export interface LazyDatePickerProps extends AriaAttributes {
  id?: string;
  value: Dayjs | null;
  onChange(value: Dayjs | null): void;
  placeholder?: string;
  style?: CSSProperties;
  showTime?: false | { format: string };
  format?: string;
  disabled?: boolean;
  status?: 'error' | undefined;
  inputReadOnly?: boolean;
}

/**
 * The date picker (about 30 KB gzipped with its calendar) loads when the person first reaches for the
 * field: until then a read-only box of the same size shows the value, so a phone form that is opened,
 * filled and sent without touching its date never downloads the calendar. The picker then takes the
 * focus and opens, as if it had been there all along.
 */
export function LazyDatePicker({ onChange, ...props }: LazyDatePickerProps) {
  const [wanted, setWanted] = useState(false);
  const shown = props.value ? props.value.format(props.format ?? 'YYYY-MM-DD') : '';
  const box = (busy: boolean) => (
    <Input
      id={props.id}
      aria-required={props['aria-required']}
      aria-invalid={props['aria-invalid']}
      aria-describedby={props['aria-describedby']}
      aria-busy={busy || undefined}
      readOnly
      value={shown}
      style={props.style}
      placeholder={props.placeholder}
      disabled={props.disabled}
      status={props.status}
      onFocus={() => setWanted(true)}
      onMouseDown={() => setWanted(true)}
      onTouchStart={() => setWanted(true)}
    />
  );
  if (!wanted) return box(false);
  return (
    <Suspense fallback={box(true)}>
      <DatePickerField {...props} autoFocus defaultOpen onChange={(day: unknown) => onChange(isDayjs(day) ? day : null)} />
    </Suspense>
  );
}
