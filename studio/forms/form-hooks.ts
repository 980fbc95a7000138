import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { FormWidth } from '../renderers/context';

/** Below this container width the renderers switch to their phone layouts. */
export const PHONE_MAX_WIDTH = 576;

/** Follows the browser's online/offline events; a phone in a village loses its signal often. */
export function useOffline(): boolean {
  const [offline, setOffline] = useState(() => typeof navigator !== 'undefined' && navigator.onLine === false);
  useEffect(() => {
    const goOffline = () => setOffline(true);
    const goOnline = () => setOffline(false);
    window.addEventListener('offline', goOffline);
    window.addEventListener('online', goOnline);
    return () => {
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
    };
  }, []);
  return offline;
}

export function useMeasuredWidth(forced: FormWidth | undefined) {
  const ref = useRef<HTMLDivElement>(null);
  const [measured, setMeasured] = useState<FormWidth>('desktop');
  useLayoutEffect(() => {
    const element = ref.current;
    if (forced || !element) return;
    const apply = (width: number) => setMeasured(width > 0 && width < PHONE_MAX_WIDTH ? 'phone' : 'desktop');
    apply(element.getBoundingClientRect().width);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const entry = entries[0];
      if (entry) apply(entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [forced]);
  return [ref, forced ?? measured] as const;
}

