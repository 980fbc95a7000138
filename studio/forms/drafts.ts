/**
 * Drafts live in localStorage so a phone that loses its connection (or its battery) mid-form keeps what
 * was typed. One entry per draftKey; cleared when the form is submitted.
 */
export interface Draft<T = unknown> {
  savedAt: string;
  data: T;
}

const PREFIX = 'shijian.draft.';

export function loadDraft<T = unknown>(key: string): Draft<T> | undefined {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as Partial<Draft<T>>;
    return typeof parsed.savedAt === 'string' && 'data' in parsed ? (parsed as Draft<T>) : undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft(key: string, data: unknown, now: Date = new Date()): void {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify({ savedAt: now.toISOString(), data }));
  } catch {
    // A full quota must not break typing; the form still works without its safety net.
  }
}

export function clearDraft(key: string): void {
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    // Nothing to clear when storage is unavailable.
  }
}
