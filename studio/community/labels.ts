import type { FormDefinition } from '../../runtime/schema/form';
import type { Locale } from '../i18n';

/**
 * The label of an answer value (a category or target group key) from the survey form's own translations,
 * so a district that changes the form's categories changes the results table with it.
 */
export function valueLabel(form: FormDefinition | undefined, field: string, value: string, locale: Locale): string {
  const i18n = (form as { i18n?: Record<string, Record<string, string>> } | undefined)?.i18n;
  return i18n?.[locale]?.[`${field}.${value}`] ?? i18n?.['zh-CN']?.[`${field}.${value}`] ?? value;
}

/** The enum values a survey form offers for a field, in the form's order. */
export function fieldValues(form: FormDefinition | undefined, field: string): string[] {
  const property = (form?.schema as { properties?: Record<string, { enum?: unknown[] }> } | undefined)?.properties?.[field];
  return (property?.enum ?? []).filter((value): value is string => typeof value === 'string');
}
