import dayjs from 'dayjs';
import { isDateTimeControl, rankWith, type ControlProps } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { useT } from '../i18n';
import { useControlState } from './context';
import { FieldShell, fieldAria } from './FieldShell';
import { LazyDatePicker } from './LazyDatePicker';

/** Stores ISO 8601 with the local offset (`2026-03-05T14:30:00+08:00`), which is valid "date-time" and keeps Beijing time readable. */
function DateTimeControlView({ data, handleChange, path, id, label, required, description, enabled, visible }: ControlProps) {
  const t = useT();
  const state = useControlState(path);
  if (!visible || !state.visible) return null;
  const value = typeof data === 'string' && dayjs(data).isValid() ? dayjs(data) : null;
  return (
    <FieldShell id={id} label={label} required={required} description={description} error={state.error} computed={state.computed}>
      <LazyDatePicker
        {...fieldAria(id, required, state.error)}
        showTime={{ format: 'HH:mm' }}
        format="YYYY-MM-DD HH:mm"
        style={{ width: '100%', maxWidth: 280 }}
        value={value}
        placeholder={t('form.dateTimePlaceholder')}
        onChange={(moment) => {
          state.touch();
          handleChange(path, moment ? moment.second(0).millisecond(0).format() : undefined);
        }}
        disabled={!enabled || !state.enabled || state.computed}
        status={state.error ? 'error' : undefined}
        inputReadOnly
      />
    </FieldShell>
  );
}

export const DateTimeControl = withJsonFormsControlProps(DateTimeControlView);
export const dateTimeControlTester = rankWith(2, isDateTimeControl);
