import type { MessageKey } from '../i18n';

/** 尚未评星, 一星 … 五星: index = level. */
export const LEVEL_LABELS: readonly MessageKey[] = ['store.level.0', 'store.level.1', 'store.level.2', 'store.level.3', 'store.level.4', 'store.level.5'];

/** Hours shown as people write them: at most two decimals, no trailing zeros. */
export function hoursText(hours: number): string {
  return String(Math.round(hours * 100) / 100);
}
