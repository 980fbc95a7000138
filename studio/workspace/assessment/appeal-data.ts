/**
 * An assessment's appeal as its workflow instance records it: the appeal form (contested items, reasons,
 * evidence) under data.appeal, the district's decision (upheld or amended, with reasons) under
 * data.decide, and the public-notice timer that closes the window to appeal.
 */
import type { Instance } from '../workspace-api';

export interface Appeal {
  items: string[];
  reason: string;
  attachments: string[];
  at: string | null;
}

export interface AppealDecision {
  decision: 'upheld' | 'amended';
  comment: string;
  at: string | null;
}

type Source = Pick<Instance, 'data' | 'history' | 'timers'>;

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const lastAt = (instance: Source, event: string) => [...instance.history].reverse().find((entry) => entry.event === event)?.at ?? null;

export function appealOf(instance: Source): Appeal | null {
  const raw = instance.data.appeal as Record<string, unknown> | undefined;
  if (!raw || typeof raw.reason !== 'string') return null;
  return { items: strings(raw.items), reason: raw.reason, attachments: strings(raw.attachments), at: lastAt(instance, 'appeal') };
}

export function decisionOf(instance: Source): AppealDecision | null {
  const raw = instance.data.decide as Record<string, unknown> | undefined;
  if (!raw || (raw.decision !== 'upheld' && raw.decision !== 'amended')) return null;
  return { decision: raw.decision, comment: typeof raw.comment === 'string' ? raw.comment : '', at: lastAt(instance, 'decide') };
}

/** When public notice ends, and with it the window to appeal; null outside public notice. */
export function appealWindowEnds(instance: Source): string | null {
  return instance.timers.find((timer) => timer.key === 'notice')?.due ?? null;
}

export interface AppealInput {
  items: readonly string[];
  reason: string;
  attachments: readonly string[];
}

/** The appeal form's data, or the catalog keys of what is missing (the server checks the same). */
export function appealData(input: AppealInput): { ok: true; data: { items: string[]; reason: string; attachments: string[] } } | { ok: false; missing: ('items' | 'reason')[] } {
  const reason = input.reason.trim();
  const missing: ('items' | 'reason')[] = [];
  if (input.items.length === 0) missing.push('items');
  if (reason.length < 2) missing.push('reason');
  if (missing.length > 0) return { ok: false, missing };
  return { ok: true, data: { items: [...new Set(input.items)], reason, attachments: [...input.attachments] } };
}
