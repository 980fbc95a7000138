import { Switch } from 'antd';
import type { ControlProps } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { useT } from '../i18n';
import { useControlState } from './context';
import { FieldShell } from './FieldShell';

function BooleanControlView({ data, handleChange, path, id, label, required, description, enabled, visible }: ControlProps) {
  const t = useT();
  const state = useControlState(path);
  if (!visible || !state.visible) return null;
  return (
    <FieldShell id={id} label={label} required={required} description={description} error={state.error} computed={state.computed}>
      <Switch
        id={id}
        aria-invalid={state.error ? true : undefined}
        checked={data === true}
        checkedChildren={t('form.yes')}
        unCheckedChildren={t('form.no')}
        disabled={!enabled || !state.enabled || state.computed}
        onChange={(checked) => {
          state.touch();
          handleChange(path, checked);
        }}
      />
    </FieldShell>
  );
}

export const BooleanControl = withJsonFormsControlProps(BooleanControlView);
export { booleanControlTester } from './testers';
