import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { en } from './en';
import { zhCN, type MessageKey } from './zh-CN';

export type { MessageKey } from './zh-CN';
export type Locale = 'zh-CN' | 'en';
export type MessageValues = Record<string, string | number>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

export const catalogs: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };
export const LOCALE_STORAGE_KEY = 'shijian.locale';

/** Fills `{name}` placeholders; an unknown placeholder stays visible so a missing value is noticed. */
export function format(template: string, values?: MessageValues): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** A translator for one locale, usable outside React (e.g. the API client's fallback messages). */
export function translator(locale: Locale): Translate {
  const catalog = catalogs[locale];
  return (key, values) => format(catalog[key], values);
}

export function isLocale(value: unknown): value is Locale {
  return value === 'zh-CN' || value === 'en';
}

/** zh-CN unless the person chose English on this device before. */
export function storedLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY);
    return isLocale(stored) ? stored : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

function applyDocumentLocale(locale: Locale) {
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  if (typeof document === 'undefined') return;
  document.documentElement.lang = locale;
  document.title = catalogs[locale]['app.title'];
}

interface LocaleState {
  locale: Locale;
  setLocale(locale: Locale): void;
}

const LocaleContext = createContext<LocaleState>({ locale: 'zh-CN', setLocale: () => undefined });

/** App-level locale, persisted in localStorage so the choice survives reloads. */
export function LocaleProvider({ children, initial }: { children: ReactNode; initial?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const first = initial ?? storedLocale();
    applyDocumentLocale(first);
    return first;
  });
  const setLocale = useCallback((next: Locale) => {
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, next);
    } catch {
      // Private mode or a full quota: the switch still works for this visit.
    }
    applyDocumentLocale(next);
    setLocaleState(next);
  }, []);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

/** Pins a subtree to one locale (a form previewed in English inside a Chinese page). */
export function LocaleScope({ locale, children }: { locale: Locale; children: ReactNode }) {
  const outer = useContext(LocaleContext);
  const value = useMemo(() => ({ locale, setLocale: outer.setLocale }), [locale, outer.setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleState {
  return useContext(LocaleContext);
}

/** `const t = useT(); t('form.required')` */
export function useT(): Translate {
  const { locale } = useContext(LocaleContext);
  return useMemo(() => translator(locale), [locale]);
}
