// antd's TextArea by its own module: the `Input` export carries Search and OTP along.
import TextArea from 'antd/es/input/TextArea';
import { isMultiLineControl, rankWith, type ControlProps } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { useControlState } from './context';
import { FieldShell, fieldAria } from './FieldShell';

function TextAreaControlView({ data, handleChange, path, id, label, required, description, enabled, visible, schema }: ControlProps) {
  const state = useControlState(path);
  if (!visible || !state.visible) return null;
  return (
    <FieldShell id={id} label={label} required={required} description={description} error={state.error} computed={state.computed}>
      <TextArea
        {...fieldAria(id, required, state.error)}
        value={typeof data === 'string' ? data : ''}
        onChange={(e) => handleChange(path, e.target.value === '' ? undefined : e.target.value)}
        onBlur={state.touch}
        disabled={!enabled || !state.enabled}
        readOnly={state.computed}
        autoSize={{ minRows: 3, maxRows: 12 }}
        maxLength={schema.maxLength}
        showCount={schema.maxLength !== undefined}
        status={state.error ? 'error' : undefined}
      />
    </FieldShell>
  );
}

export const TextAreaControl = withJsonFormsControlProps(TextAreaControlView);
export const textAreaControlTester = rankWith(2, isMultiLineControl);
