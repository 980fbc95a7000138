import { ApiError } from '../api/client';
import type { MessageKey, Translate } from '../i18n';
import { describeError } from '../workspace/use-load';

// The counter's refusals in the person's language; anything else falls back to the server's detail.
const BY_TYPE: Record<string, MessageKey> = {
  '/problems/points-insufficient': 'store.error.points',
  '/problems/out-of-stock': 'store.error.stock',
  '/problems/already-cancelled': 'store.error.cancelled',
  '/problems/item-inactive': 'store.error.inactive',
  '/problems/self-redemption': 'store.error.self',
  '/problems/forbidden': 'store.error.forbidden',
};

export function storeErrorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    const key = BY_TYPE[error.type];
    if (key) return t(key);
    if (error.errors.some((e) => e.code === 'unknown-code') || (error.status === 404 && error.detail?.includes('code'))) return t('store.error.code');
    // Field errors carry the server's bilingual message ("中文 / English").
    const field = error.errors[0]?.message;
    if (typeof field === 'string') return field;
  }
  return describeError(error, t);
}
