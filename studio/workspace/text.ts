import type { LocalizedText } from '../../runtime/schema/common';
import type { Locale, MessageKey, Translate } from '../i18n';
import { catalogs } from '../i18n';

/** A definition's bilingual text in the person's language, Chinese when the English is missing. */
export function pick(text: LocalizedText | undefined, locale: Locale, fallback = ''): string {
  if (!text) return fallback;
  return (locale === 'en' ? text.en : undefined) ?? text['zh-CN'];
}

/** The label of a workflow primitive (claim, transfer …) from the catalog, else the raw event. */
export function primitiveLabel(event: string, t: Translate): string | undefined {
  const key = `ws.event.${event}`;
  return key in catalogs['zh-CN'] ? t(key as MessageKey) : undefined;
}
