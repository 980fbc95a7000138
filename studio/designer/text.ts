import type { LocalizedText } from '../../runtime/schema/common';
import type { Locale } from './i18n';

/** The person's language, else Chinese (every label carries zh-CN). */
export function localized(text: unknown, locale: Locale): string {
  if (typeof text === 'string') return text;
  if (typeof text !== 'object' || text === null) return '';
  const value = text as Partial<LocalizedText>;
  return (locale === 'en' ? value.en : undefined) ?? value['zh-CN'] ?? '';
}

/** Deep copy for edits: definition bodies are plain JSON. */
export function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
