import { Checkbox } from 'antd';
import type { ControlProps } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { useControlState } from './context';
import { useEnumOptions } from './enum-options';
import { FieldShell } from './FieldShell';
import { itemsOf } from './testers';


function MultiEnumControlView(props: ControlProps & { i18nKeyPrefix?: string }) {
  const { data, handleChange, path, id, label, required, description, enabled, visible, schema } = props;
  const state = useControlState(path);
  const options = useEnumOptions(itemsOf(schema), props.i18nKeyPrefix ?? path.replace(/\.\d+(?=\.|$)/g, ''));
  if (!visible || !state.visible) return null;
  const values = Array.isArray(data) ? (data as (string | number | boolean)[]) : [];
  return (
    <FieldShell id={id} label={label} required={required} description={description} error={state.error} computed={state.computed} group>
      <div id={id} role="group" aria-labelledby={`${id}-label`}>
      <Checkbox.Group
        value={values}
        disabled={!enabled || !state.enabled || state.computed}
        onChange={(checked) => {
          state.touch();
          // Keep the schema's order so the stored array does not depend on click order.
          const ordered = options.map((o) => o.value).filter((v) => checked.includes(v));
          handleChange(path, ordered.length > 0 ? ordered : undefined);
        }}
        options={options.map((o) => ({ value: o.value, label: o.label }))}
      />
      </div>
    </FieldShell>
  );
}

export const MultiEnumControl = withJsonFormsControlProps(MultiEnumControlView);
export { multiEnumControlTester } from './testers';
