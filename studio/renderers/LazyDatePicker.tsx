import { type AriaAttributes, type ComponentType, type CSSProperties } from 'react';
// antd's Input by its own module: the `Input` export carries Search and OTP along.
import Input from 'antd/es/input/Input';
import { useLoadOnReach } from './use-load-on-reach';
import type { Dayjs } from 'dayjs';

type PickerProps = Omit<LazyDatePickerProps, 'onChange'> & { onChange(value: unknown): void; autoFocus?: boolean; defaultOpen?: boolean };
let loadedPicker: ComponentType<PickerProps> | undefined;
const loadPicker = () =>
  import('./DatePickerField').then((module) => {
    loadedPicker = module.default as unknown as ComponentType<PickerProps>;
    return loadedPicker;
  });

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
 * field: until then a read-only box of the same size and id shows the value, so a phone form that is
 * opened, filled and sent without touching its date never downloads the calendar. Once loaded, the picker
 * replaces the box in one commit and takes the focus (Tab order is kept); a press opens its calendar.
 */
export function LazyDatePicker({ onChange, ...props }: LazyDatePickerProps) {
  const { Component: Picker, reached, reach } = useLoadOnReach(() => loadedPicker, loadPicker);
  if (Picker) {
    return <Picker {...props} autoFocus={reached.focus} defaultOpen={reached.open} onChange={(day: unknown) => onChange(isDayjs(day) ? day : null)} />;
  }
  return (
    <Input
      id={props.id}
      aria-required={props['aria-required']}
      aria-invalid={props['aria-invalid']}
      aria-describedby={props['aria-describedby']}
      readOnly
      value={props.value ? props.value.format(props.format ?? 'YYYY-MM-DD') : ''}
      style={props.style}
      placeholder={props.placeholder}
      disabled={props.disabled}
      status={props.status}
      onFocus={(event) => reach(false, event.currentTarget)}
      onMouseDown={(event) => reach(true, event.currentTarget)}
      onTouchStart={(event) => reach(true, event.currentTarget)}
    />
  );
}
