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

/**
 * The stars of a rated order (评单): the workflow keeps them in `vars.stars`; the rating step's own data
 * (`data.rate.stars`) is the fallback for workflows that do not copy it into a variable.
 */
export function ratingOf(instance: { vars?: Record<string, unknown>; data?: Record<string, unknown> }): number | undefined {
  const fromVars = instance.vars?.stars;
  if (typeof fromVars === 'number' && fromVars >= 1) return fromVars;
  const rate = instance.data?.rate;
  const fromData = rate && typeof rate === 'object' ? (rate as Record<string, unknown>).stars : undefined;
  return typeof fromData === 'number' && fromData >= 1 ? fromData : undefined;
}
