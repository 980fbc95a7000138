import { type AriaAttributes, type ComponentType, type CSSProperties } from 'react';
import { DownOutlined } from '@ant-design/icons';
// antd's Input by its own module: the `Input` export carries Search and OTP along.
import Input from 'antd/es/input/Input';
import { useLoadOnReach } from './use-load-on-reach';

export interface LazySelectOption {
  value: string | number;
  label: string;
}

export interface LazySelectProps extends AriaAttributes {
  id?: string;
  value: string | number | undefined;
  options: LazySelectOption[];
  onChange(value: string | number | undefined): void;
  onBlur?: () => void;
  placeholder?: string;
  style?: CSSProperties;
  disabled?: boolean;
  allowClear?: boolean;
  status?: 'error' | undefined;
}

type SelectProps = Omit<LazySelectProps, 'onChange'> & {
  onChange(value: unknown): void;
  showSearch: { optionFilterProp: string };
  autoFocus?: boolean;
  defaultOpen?: boolean;
};
let loadedSelect: ComponentType<SelectProps> | undefined;
/** Fetches antd's Select now (tests, or a page that knows it will need it). */
export const preloadSelect = () =>
  import('./SelectField').then((module) => {
    loadedSelect = module.default as unknown as ComponentType<SelectProps>;
    return loadedSelect;
  });

/**
 * A searchable choice whose antd Select (about 25 KB gzipped with its virtual list) loads when the person
 * first reaches for it, like LazyDatePicker: until then a read-only box of the same look, id and label shows
 * the chosen option, so a phone form opened with its choices already made, or sent without touching them,
 * never downloads the Select. Once loaded it replaces the box in one commit, keeps the focus, and a press
 * opens its list.
 */
export function LazySelect({ onChange, ...props }: LazySelectProps) {
  const { Component: Select, reached, reach } = useLoadOnReach(() => loadedSelect, preloadSelect);
  if (Select) {
    return (
      <Select
        {...props}
        showSearch={{ optionFilterProp: 'label' }}
        autoFocus={reached.focus}
        defaultOpen={reached.open}
        onChange={(next: unknown) => onChange(typeof next === 'string' || typeof next === 'number' ? next : undefined)}
      />
    );
  }
  const chosen = props.options.find((o) => o.value === props.value);
  return (
    <Input
      id={props.id}
      role="combobox"
      aria-expanded={false}
      aria-haspopup="listbox"
      aria-required={props['aria-required']}
      aria-invalid={props['aria-invalid']}
      aria-describedby={props['aria-describedby']}
      readOnly
      value={chosen ? chosen.label : props.value === undefined ? '' : String(props.value)}
      style={{ cursor: 'pointer', ...props.style }}
      placeholder={props.placeholder}
      disabled={props.disabled}
      status={props.status}
      suffix={<DownOutlined style={{ fontSize: 12, color: 'rgba(0, 0, 0, 0.25)' }} />}
      onFocus={(event) => reach(false, event.currentTarget)}
      onMouseDown={(event) => reach(true, event.currentTarget)}
      onTouchStart={(event) => reach(true, event.currentTarget)}
    />
  );
}
