import { InputNumber } from 'antd';
import type { ControlProps } from '@jsonforms/core';
import { useControlState } from './context';
import { FieldShell, fieldAria } from './FieldShell';

/** Shared by NumberControl and IntegerControl: limits and step come from the schema. */
export function NumberInput({ data, handleChange, path, id, label, required, description, enabled, visible, schema, uischema, integer }: ControlProps & { integer: boolean }) {
  const state = useControlState(path);
  if (!visible || !state.visible) return null;
  const optionStep = uischema.options?.step;
  const step = typeof optionStep === 'number' ? optionStep : schema.multipleOf ?? 1;
  return (
    <FieldShell id={id} label={label} required={required} description={description} error={state.error} computed={state.computed}>
      <InputNumber<number>
        {...fieldAria(id, required, state.error)}
        style={{ width: '100%', maxWidth: 280 }}
        value={typeof data === 'number' ? data : null}
        // No min/max here: antd would silently drop or clamp an out-of-range number, and people
        // should see why 150 is refused ("不能大于 100") instead of watching it change.
        step={step}
        precision={integer ? 0 : undefined}
        onChange={(value) => handleChange(path, value === null || value === undefined ? undefined : value)}
        onBlur={state.touch}
        disabled={!enabled || !state.enabled}
        readOnly={state.computed}
        status={state.error ? 'error' : undefined}
        inputMode={integer ? 'numeric' : 'decimal'}
      />
    </FieldShell>
  );
}
