import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Locale as AntdLocale } from 'antd/es/locale';
import antdZhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { baseZhCN } from './base.zh-CN';
import type { MessageKey } from './zh-CN';

export type { MessageKey } from './zh-CN';
export type Locale = 'zh-CN' | 'en';
export type MessageValues = Record<string, string | number>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;
type Catalog = Partial<Record<MessageKey, string>>;

/**
 * The messages loaded so far. Chinese (the default) comes with the first screen; English loads when a
 * person chooses it (loadLocale), and an area with many messages of its own (the designer) adds them
 * when its code loads (addMessages), so a resident's phone carries neither.
 */
export const catalogs: Record<Locale, Catalog> = { 'zh-CN': { ...baseZhCN }, en: {} };
const antdLocales: Partial<Record<Locale, AntdLocale>> = { 'zh-CN': antdZhCN };
export const LOCALE_STORAGE_KEY = 'shijian.locale';

export function addMessages(locale: Locale, messages: Catalog): void {
  Object.assign(catalogs[locale], messages);
}

let english: Promise<void> | undefined;
/** Resolves once the locale's messages (and antd's texts for it) are in; Chinese always is. */
export function loadLocale(locale: Locale): Promise<void> {
  if (locale === 'zh-CN') return Promise.resolve();
  english ??= import('./base.en').then(
    (module) => {
      addMessages('en', module.baseEn);
      antdLocales.en = module.antdEn;
    },
    (error: unknown) => {
      english = undefined; // a failed fetch (offline) may be retried on the next switch
      throw error;
    },
  );
  return english;
}

export function isLocaleLoaded(locale: Locale): boolean {
  return antdLocales[locale] !== undefined;
}

/** antd's own texts (pagination, pickers, empty lists) for a loaded locale; Chinese until English is in. */
export function antdLocale(locale: Locale): AntdLocale {
  return antdLocales[locale] ?? antdZhCN;
}

/** Fills `{name}` placeholders; an unknown placeholder stays visible so a missing value is noticed. */
export function format(template: string, values?: MessageValues): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** A translator for one locale, usable outside React (e.g. the API client's fallback messages). */
export function translator(locale: Locale): Translate {
  const catalog = catalogs[locale];
  const chinese = catalogs['zh-CN'];
  // Chinese while a catalog is still on its way (or failed to load): a readable page, never a crash.
  return (key, values) => format(catalog[key] ?? chinese[key] ?? key, values);
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
  document.title = translator(locale)('app.title');
}

interface LocaleState {
  locale: Locale;
  setLocale(locale: Locale): void;
}

const LocaleContext = createContext<LocaleState>({ locale: 'zh-CN', setLocale: () => undefined });

/** The locale once its catalog is in (loading it if need be), Chinese until then. */
export function useLoadedLocale(locale: Locale): Locale {
  const [, setArrivals] = useState(0);
  const loaded = isLocaleLoaded(locale);
  useEffect(() => {
    if (loaded) return;
    let live = true;
    loadLocale(locale).then(
      () => live && setArrivals((n) => n + 1),
      () => undefined, // offline: the page stays readable in Chinese
    );
    return () => {
      live = false;
    };
  }, [locale, loaded]);
  return loaded ? locale : 'zh-CN';
}

/** App-level locale, persisted in localStorage so the choice survives reloads. */
export function LocaleProvider({ children, initial }: { children: ReactNode; initial?: Locale }) {
  const [requested, setRequested] = useState<Locale>(() => initial ?? storedLocale());
  const locale = useLoadedLocale(requested);
  // Before the children render, so their dates and the page title follow the locale from the first paint.
  const applied = useRef<Locale | undefined>(undefined);
  if (applied.current !== locale) {
    applied.current = locale;
    applyDocumentLocale(locale);
  }
  const setLocale = useCallback((next: Locale) => {
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, next);
    } catch {
      // Private mode or a full quota: the switch still works for this visit.
    }
    setRequested(next);
  }, []);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

/** Pins a subtree to one locale (a form previewed in English inside a Chinese page). */
export function LocaleScope({ locale, children }: { locale: Locale; children: ReactNode }) {
  const outer = useContext(LocaleContext);
  const shown = useLoadedLocale(locale);
  const value = useMemo(() => ({ locale: shown, setLocale: outer.setLocale }), [shown, outer.setLocale]);
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
