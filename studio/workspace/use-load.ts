import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/client';
import type { Translate } from '../i18n';

export type Loaded<T> = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; value: T };

/** Runs `load` when its inputs change and on `reload()`; an unmounted or superseded load is aborted. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[], t: Translate) {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal)
      .then((value) => {
        if (!controller.signal.aborted) setState({ status: 'ready', value });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', message: describeError(error, t) });
      });
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt, t]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return [state, reload, setState] as const;
}

export function describeError(error: unknown, t: Translate): string {
  if (error instanceof ApiError) return error.isNetwork ? t('api.network') : (error.detail ?? error.title);
  return error instanceof Error ? error.message : String(error);
}
