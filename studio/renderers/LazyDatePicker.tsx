import { lazy, Suspense, type AriaAttributes, type CSSProperties } from 'react';
import { Input } from 'antd';
import type { Dayjs } from 'dayjs';

const DatePickerField = lazy(() => import('./DatePickerField'));

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

/** The date picker, loaded when the first date field appears; a disabled box of the same size holds its place. */
export function LazyDatePicker({ onChange, ...props }: LazyDatePickerProps) {
  return (
    <Suspense fallback={<Input disabled style={props.style} placeholder={props.placeholder} aria-busy="true" />}>
      <DatePickerField {...props} onChange={(day: unknown) => onChange(isDayjs(day) ? day : null)} />
    </Suspense>
  );
}
