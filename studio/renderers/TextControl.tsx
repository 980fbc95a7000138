// antd's Input by its own module: the `Input` export carries Search and OTP along.
import Input from 'antd/es/input/Input';
import { isStringControl, rankWith, type ControlProps } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { useControlState } from './context';
import { FieldShell, fieldAria } from './FieldShell';

function TextControlView({ data, handleChange, path, id, label, required, description, enabled, visible, schema }: ControlProps) {
  const state = useControlState(path);
  if (!visible || !state.visible) return null;
  return (
    <FieldShell id={id} label={label} required={required} description={description} error={state.error} computed={state.computed}>
      <Input
        {...fieldAria(id, required, state.error)}
        value={typeof data === 'string' ? data : data === undefined || data === null ? '' : String(data)}
        // An emptied field is removed, so `required` reports it like a field never filled.
        onChange={(e) => handleChange(path, e.target.value === '' ? undefined : e.target.value)}
        onBlur={state.touch}
        disabled={!enabled || !state.enabled}
        readOnly={state.computed}
        maxLength={schema.maxLength}
        status={state.error ? 'error' : undefined}
      />
    </FieldShell>
  );
}

export const TextControl = withJsonFormsControlProps(TextControlView);
export const textControlTester = rankWith(1, isStringControl);
