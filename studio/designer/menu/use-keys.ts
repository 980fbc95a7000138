import { useMemo } from 'react';
import { designerApi } from '../designer-api';
import { useAsync } from '../use-async';

/** Keys of the published definitions of a kind, for reference pickers (category, order form, workflow). */
export function usePublishedKeys(kind: string): string[] {
  const list = useAsync(() => designerApi().list({ kind, status: 'published' }), [kind]);
  return useMemo(() => [...new Set((list.data?.items ?? []).map((row) => row.key))].sort(), [list.data]);
}
