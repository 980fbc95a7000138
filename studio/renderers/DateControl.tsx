import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import type { ControlProps } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { useT } from '../i18n';
import { useControlState } from './context';
import { FieldShell, fieldAria } from './FieldShell';
import { LazyDatePicker } from './LazyDatePicker';

dayjs.extend(customParseFormat);

/** Stores `YYYY-MM-DD` (JSON Schema format "date"): a calendar day, no time zone to get wrong. */
function DateControlView({ data, handleChange, path, id, label, required, description, enabled, visible }: ControlProps) {
  const t = useT();
  const state = useControlState(path);
  if (!visible || !state.visible) return null;
  const value = typeof data === 'string' && dayjs(data, 'YYYY-MM-DD', true).isValid() ? dayjs(data, 'YYYY-MM-DD') : null;
  return (
    <FieldShell id={id} label={label} required={required} description={description} error={state.error} computed={state.computed}>
      <LazyDatePicker
        {...fieldAria(id, required, state.error)}
        style={{ width: '100%', maxWidth: 280 }}
        value={value}
        placeholder={t('form.datePlaceholder')}
        onChange={(day) => {
          state.touch();
          handleChange(path, day ? day.format('YYYY-MM-DD') : undefined);
        }}
        disabled={!enabled || !state.enabled || state.computed}
        status={state.error ? 'error' : undefined}
        inputReadOnly
      />
    </FieldShell>
  );
}

export const DateControl = withJsonFormsControlProps(DateControlView);
export { dateControlTester } from './testers';
