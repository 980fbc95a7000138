// antd's Input by its own module: the `Input` export carries Search and OTP along.
import Input from 'antd/es/input/Input';
import { and, rankWith, schemaTypeIs, uiTypeIs, type ControlProps } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { useT } from '../i18n';
import { useControlState } from './context';
import { FieldShell, fieldAria } from './FieldShell';
import { LazySelect } from './LazySelect';
import { useReferenceOptions } from './use-reference-options';

/**
 * A string that refers to another record (`options.ref`: "orgUnit", "team", "serviceItem", …): a
 * searchable select of the records the lookup in context offers; plain text where there is none.
 */
function ReferenceControlView({ data, handleChange, path, id, label, required, description, enabled, visible, uischema }: ControlProps) {
  const t = useT();
  const state = useControlState(path);
  const options = useReferenceOptions(typeof uischema.options?.ref === 'string' ? uischema.options.ref : undefined);
  if (!visible || !state.visible) return null;
  const disabled = !enabled || !state.enabled || state.computed;
  const value = typeof data === 'string' ? data : undefined;
  return (
    <FieldShell id={id} label={label} required={required} description={description} error={state.error} computed={state.computed}>
      {options ? (
        <LazySelect
          {...fieldAria(id, required, state.error)}
          style={{ width: '100%', maxWidth: 420 }}
          value={value}
          options={options}
          placeholder={t('form.selectPlaceholder')}
          allowClear={!required}
          disabled={disabled}
          status={state.error ? 'error' : undefined}
          onBlur={state.touch}
          onChange={(next) => {
            state.touch();
            handleChange(path, next === undefined ? undefined : String(next));
          }}
        />
      ) : (
        <Input
          {...fieldAria(id, required, state.error)}
          value={value ?? ''}
          disabled={disabled}
          status={state.error ? 'error' : undefined}
          onBlur={state.touch}
          onChange={(e) => handleChange(path, e.target.value === '' ? undefined : e.target.value)}
        />
      )}
    </FieldShell>
  );
}

export const ReferenceControl = withJsonFormsControlProps(ReferenceControlView);
export const referenceControlTester = rankWith(
  3,
  and(uiTypeIs('Control'), schemaTypeIs('string'), (uischema) => typeof uischema.options?.ref === 'string'),
);
