import { useId } from 'react';
import { isEnumControl, isOneOfEnumControl, or, rankWith, type ControlProps } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { useT } from '../i18n';
import { useControlState } from './context';
import { useEnumOptions } from './enum-options';
import { FieldShell, fieldAria } from './FieldShell';
import { LazySelect } from './LazySelect';

/** Up to this many choices are shown at once as radio buttons: one tap on a phone instead of two. */
export const RADIO_MAX_OPTIONS = 4;

function EnumControlView(props: ControlProps & { i18nKeyPrefix?: string }) {
  const { data, handleChange, path, id, label, required, description, enabled, visible, schema, uischema } = props;
  const t = useT();
  const state = useControlState(path);
  // One radio group per field even when a page shows the same form twice (the preview's two frames).
  const name = useId();
  const options = useEnumOptions(schema, props.i18nKeyPrefix ?? path.replace(/\.\d+(?=\.|$)/g, ''));
  if (!visible || !state.visible) return null;
  const disabled = !enabled || !state.enabled || state.computed;
  const format = uischema.options?.format;
  const asRadio = format === 'radio' || (format !== 'select' && options.length <= RADIO_MAX_OPTIONS);
  return (
    <FieldShell id={id} label={label} required={required} description={description} error={state.error} computed={state.computed} group={asRadio}>
      {asRadio ? (
        // Native radios in antd's look (renderers.css): antd's Radio brings its form hooks along (about
        // 11 KB gzipped) to the phone forms, and the browser's own group already does arrows and labels.
        <div id={id} role="radiogroup" aria-labelledby={`${id}-label`} aria-invalid={state.error ? true : undefined} className="sj-radio-group">
          {options.map((o, index) => (
            <label key={String(o.value)} className={`sj-radio${disabled ? ' sj-radio-disabled' : ''}`}>
              <input
                type="radio"
                name={name}
                value={index}
                checked={data === o.value}
                disabled={disabled}
                onChange={() => {
                  state.touch();
                  handleChange(path, o.value);
                }}
              />
              <span>{o.label}</span>
            </label>
          ))}
        </div>
      ) : (
        <LazySelect
          {...fieldAria(id, required, state.error)}
          style={{ width: '100%', maxWidth: 360 }}
          value={typeof data === 'string' || typeof data === 'number' ? data : undefined}
          placeholder={t('form.selectPlaceholder')}
          disabled={disabled}
          allowClear={!required}
          status={state.error ? 'error' : undefined}
          onChange={(value) => {
            state.touch();
            handleChange(path, value ?? undefined);
          }}
          options={options.map((o) => ({ value: o.value as string | number, label: o.label }))}
        />
      )}
    </FieldShell>
  );
}

export const EnumControl = withJsonFormsControlProps(EnumControlView);
export const enumControlTester = rankWith(2, or(isEnumControl, isOneOfEnumControl));
