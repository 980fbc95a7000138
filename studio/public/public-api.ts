import { useCallback, useEffect, useState } from 'react';
import type { Locale } from '../i18n';

/** What the public API answers (server/routes/public/schema.ts). */
export type Localized = Record<string, string>;
export interface PublicUnit {
  id: string;
  name: string;
  nameEn: string | null;
  level: string;
  parentId?: string | null;
}
export interface Figures {
  volunteers: number;
  volunteerHours: number;
  ordersServed: number;
  ratings: number;
  satisfaction: number | null;
}
export interface TiersPage {
  year: number | null;
  years: number[];
  rubrics: { level: string; key: string; title: Localized; totalPoints: number | null; sections: { key: string; title: Localized; points: number; items: { key: string; title: Localized; points: number }[] }[]; tiers: { key: string; title: Localized; minScore: number | null }[] }[];
  units: { unitId: string; name: string; nameEn: string | null; level: string; parentId: string | null; tier: string; score: number | null; status: 'notice' | 'final' }[];
}
export interface MenuPage {
  categories: { key: string; title: Localized; description: Localized | null; color: string | null }[];
  items: { key: string; title: Localized; description: Localized | null; category: string | null; durationMinutes: number | null }[];
}
export interface UnitPage {
  unit: PublicUnit;
  parent: PublicUnit | null;
  children: PublicUnit[];
  upcoming: { title: string; start: string; end: string | null; place: string | null; unitId: string; unitName: string }[];
  figures: Figures | null;
}

export type Loaded<T> = { status: 'loading' } | { status: 'error'; notFound: boolean } | { status: 'ready'; data: T };

/**
 * GET of a public endpoint, without cookies: the answer is the same for everyone, so the browser's HTTP
 * cache (ETag, max-age) serves repeat visits.
 */
export function usePublic<T>(path: string): { state: Loaded<T>; reload: () => void } {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    fetch(path, { credentials: 'omit', headers: { accept: 'application/json' } })
      .then(async (response) => {
        if (!live) return;
        if (!response.ok) return setState({ status: 'error', notFound: response.status === 404 });
        const data = (await response.json()) as T;
        if (live) setState({ status: 'ready', data });
      })
      .catch(() => live && setState({ status: 'error', notFound: false }));
    return () => {
      live = false;
    };
  }, [path, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}

export function pick(text: Localized | null | undefined, locale: Locale): string {
  if (!text) return '';
  return text[locale] ?? text['zh-CN'] ?? Object.values(text)[0] ?? '';
}

export function unitName(unit: { name: string; nameEn: string | null }, locale: Locale): string {
  return locale === 'en' && unit.nameEn ? unit.nameEn : unit.name;
}

const dateTime = new Map<Locale, Intl.DateTimeFormat>();
const dateOnly = new Map<Locale, Intl.DateTimeFormat>();

/** An activity's start in China time: a day for plan items (`YYYY-MM-DD`), day and time otherwise. */
export function formatStart(start: string, locale: Locale): { text: string; allDay: boolean } {
  const tag = locale === 'zh-CN' ? 'zh-CN' : 'en-GB';
  if (start.length === 10) {
    if (!dateOnly.has(locale)) dateOnly.set(locale, new Intl.DateTimeFormat(tag, { timeZone: 'Asia/Shanghai', month: 'short', day: 'numeric', weekday: 'short' }));
    return { text: dateOnly.get(locale)!.format(new Date(`${start}T12:00:00+08:00`)), allDay: true };
  }
  if (!dateTime.has(locale)) dateTime.set(locale, new Intl.DateTimeFormat(tag, { timeZone: 'Asia/Shanghai', month: 'short', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit' }));
  return { text: dateTime.get(locale)!.format(new Date(start)), allDay: false };
}
