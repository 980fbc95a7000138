import { useRef, type KeyboardEvent } from 'react';
import type { ControlProps } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { useT } from '../i18n';
import { useControlState } from './context';
import { FieldShell } from './FieldShell';

const DEFAULT_MAX = 5;
// More stars than this stop being readable at a glance on a phone; such a field is a number, not a rating.
const MAX_STARS = 10;

function starRange(schema: { minimum?: number; maximum?: number }): { min: number; max: number } {
  const max = Number.isInteger(schema.maximum) && schema.maximum! >= 1 && schema.maximum! <= MAX_STARS ? schema.maximum! : DEFAULT_MAX;
  const min = Number.isInteger(schema.minimum) && schema.minimum! >= 1 && schema.minimum! <= max ? schema.minimum! : 1;
  return { min, max };
}

/**
 * A rating shown read-only: filled and empty stars, read out as "4 星（满分 5 星）". Used by the
 * control when the form is read-only, and by workspace pages listing finished orders.
 */
export function Stars({ value, max = DEFAULT_MAX }: { value: number; max?: number }) {
  const t = useT();
  const shown = Math.max(0, Math.min(max, Math.round(value)));
  return (
    <span className="sj-stars" role="img" aria-label={t('form.rating.value', { value: shown, max })} data-stars={shown}>
      <span className="sj-star-on" aria-hidden="true">
        {'★'.repeat(shown)}
      </span>
      <span className="sj-star-off" aria-hidden="true">
        {'☆'.repeat(max - shown)}
      </span>
    </span>
  );
}

/**
 * `format: "rating"` (schema or `options.format`) on an integer: stars as a radio group, one tap on a phone.
 * Keyboard as for radios: Tab reaches the group once, arrows (and Home/End) move and choose, the number
 * keys choose directly. Each star is labelled "3 星" / "3 stars" for screen readers.
 */
function RatingControlView({ data, handleChange, path, id, label, required, description, enabled, visible, schema }: ControlProps) {
  const t = useT();
  const state = useControlState(path);
  const group = useRef<HTMLDivElement>(null);
  if (!visible || !state.visible) return null;
  const { min, max } = starRange(schema);
  const value = typeof data === 'number' ? data : undefined;
  const disabled = !enabled || !state.enabled || state.computed;
  const stars = Array.from({ length: max }, (_, i) => i + 1);

  if (!enabled && !state.computed && value !== undefined) {
    return (
      <FieldShell id={id} label={label} required={required} description={description} error={state.error} group>
        <Stars value={value} max={max} />
      </FieldShell>
    );
  }

  const choose = (next: number) => {
    if (disabled) return;
    const clamped = Math.max(min, Math.min(max, next));
    state.touch();
    if (clamped !== value) handleChange(path, clamped);
    group.current?.querySelector<HTMLElement>(`[data-star="${clamped}"]`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const current = value ?? min - 1;
    const keys: Record<string, number> = { ArrowRight: current + 1, ArrowUp: current + 1, ArrowLeft: current - 1, ArrowDown: current - 1, Home: min, End: max };
    let next = keys[event.key];
    if (next === undefined && /^[0-9]$/.test(event.key)) next = Number(event.key) || MAX_STARS;
    if (next === undefined || next < min || next > max) return;
    event.preventDefault();
    choose(next);
  };
  // The checked star takes the tab stop; with none checked, the first one does.
  const tabStop = value !== undefined && value >= min && value <= max ? value : min;
  return (
    <FieldShell id={id} label={label} required={required} description={description} error={state.error} computed={state.computed} group>
      <div
        ref={group}
        id={id}
        role="radiogroup"
        className={`sj-rating${disabled ? ' sj-rating-disabled' : ''}`}
        aria-labelledby={`${id}-label`}
        aria-required={required || undefined}
        aria-invalid={state.error ? true : undefined}
        aria-describedby={state.error ? `${id}-error` : undefined}
        aria-disabled={disabled || undefined}
        onKeyDown={onKeyDown}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) state.touch();
        }}
      >
        {stars.map((star) => (
          <button
            key={star}
            type="button"
            role="radio"
            data-star={star}
            className={`sj-star${value !== undefined && star <= value ? ' sj-star-filled' : ''}`}
            aria-checked={value === star}
            aria-label={t('form.rating.star', { count: star })}
            tabIndex={star === tabStop ? 0 : -1}
            disabled={disabled || star < min}
            onClick={() => choose(star)}
          >
            <span aria-hidden="true">{value !== undefined && star <= value ? '★' : '☆'}</span>
          </button>
        ))}
        {value !== undefined ? (
          <span className="sj-rating-text" aria-hidden="true">
            {t('form.rating.value', { value, max })}
          </span>
        ) : null}
      </div>
    </FieldShell>
  );
}

export const RatingControl = withJsonFormsControlProps(RatingControlView);
/** Above IntegerControl (1) and EnumControl (2): an integer marked as a rating is always stars. */
export { ratingControlTester } from './testers';
