import { Select } from 'antd';
import type { ControlProps } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { useT } from '../i18n';
import { useControlState } from './context';
import { FieldShell, fieldAria } from './FieldShell';
import { itemsOf } from './testers';
import { useReferenceOptions } from './use-reference-options';

/**
 * A list of short texts (participants, tags) typed one by one; with `options.ref` and a lookup in
 * context, a searchable multi-select of the referenced records instead.
 */
function TagsControlView({ data, handleChange, path, id, label, required, description, enabled, visible, uischema, schema }: ControlProps) {
  const t = useT();
  const state = useControlState(path);
  const options = useReferenceOptions(typeof uischema.options?.ref === 'string' ? uischema.options.ref : undefined);
  if (!visible || !state.visible) return null;
  const numeric = itemsOf(schema)?.type === 'number' || itemsOf(schema)?.type === 'integer';
  const values = Array.isArray(data) ? data.map(String) : [];
  return (
    <FieldShell id={id} label={label} required={required} description={description} error={state.error} computed={state.computed}>
      <Select
        {...fieldAria(id, required, state.error)}
        mode={options ? 'multiple' : 'tags'}
        style={{ width: '100%' }}
        value={values}
        options={options}
        placeholder={t('form.tagsPlaceholder')}
        tokenSeparators={options ? undefined : [',', '，', '、']}
        maxCount={schema.maxItems}
        disabled={!enabled || !state.enabled || state.computed}
        status={state.error ? 'error' : undefined}
        showSearch={{ optionFilterProp: 'label' }}
        onBlur={state.touch}
        onChange={(next: string[]) => {
          const cleaned = next.map((v) => v.trim()).filter(Boolean);
          const typed = numeric ? cleaned.map(Number).filter((n) => !Number.isNaN(n)) : cleaned;
          handleChange(path, typed.length > 0 ? (schema.uniqueItems ? [...new Set<string | number>(typed)] : typed) : undefined);
        }}
      />
    </FieldShell>
  );
}

export const TagsControl = withJsonFormsControlProps(TagsControlView);
export { tagsControlTester } from './testers';
