import type { ReactNode } from 'react';
import { useT } from '../i18n';
import { useFormReadonly } from './context';

export interface FieldShellProps {
  id: string;
  label: string;
  required?: boolean;
  description?: string | undefined;
  error?: string | undefined;
  computed?: boolean;
  children: ReactNode;
  /** Radio and checkbox groups label a group, not one input. */
  group?: boolean;
}

/** Label, required marker, help and error around one control, in antd's form-item look. */
export function FieldShell({ id, label, required, description, error, computed, children, group }: FieldShellProps) {
  const t = useT();
  const readonly = useFormReadonly();
  const labelContent = (
    <>
      {required && !readonly ? (
        <span className="sj-required" aria-hidden="true" title={t('form.required')}>
          *
        </span>
      ) : null}
      {label}
      {computed ? (
        // antd's blue Tag look as a plain span: Tag is 3 KB gzipped on every form for a marker few fields carry.
        <span className="sj-computed-tag">{t('form.computed')}</span>
      ) : null}
    </>
  );
  return (
    <div className={`sj-field${error ? ' sj-field-error' : ''}`} data-field={id}>
      <div className="sj-label">
        {group ? (
          <span id={`${id}-label`}>{labelContent}</span>
        ) : (
          <label htmlFor={id} id={`${id}-label`}>
            {labelContent}
          </label>
        )}
      </div>
      <div className="sj-control">
        {children}
        {description ? <div className="sj-extra">{description}</div> : null}
        {error ? (
          <div className="sj-error" id={`${id}-error`} role="alert">
            {error}
          </div>
        ) : null}
      </div>
    </div>
  );
}

/** aria attributes every input gets from its shell. */
export function fieldAria(id: string, required: boolean | undefined, error: string | undefined) {
  return {
    id,
    'aria-required': required || undefined,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
  } as const;
}
