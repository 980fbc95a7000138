/**
 * Choices for fields that refer to other records (`options.ref` in a form's UI schema), from the API.
 * Org units and teams come with their names; definition kinds (serviceItem, serviceCategory, …) with
 * their titles in both languages (the control shows the reader's) and their keys as the value the form
 * stores. Each list is fetched once per lookup and person signed in.
 */
import type { LookupReferences, ReferenceOption } from '../renderers/context';
import { SESSION_CHANGED } from '../auth/session-events';
import { api, type Client } from './client';

interface Named {
  id: string;
  name: string;
}

const definitionKinds = new Set(['serviceCategory', 'serviceItem', 'functionRoom', 'teamType', 'stationType', 'rubric', 'workflow', 'form']);

export function createReferenceLookup(client: Client = api): LookupReferences {
  const cache = new Map<string, Promise<ReferenceOption[]>>();
  // Teams and units depend on who asks: a sign-in or sign-out empties the cache.
  if (typeof window !== 'undefined') window.addEventListener(SESSION_CHANGED, () => cache.clear());
  const load = async (ref: string): Promise<ReferenceOption[]> => {
    if (ref === 'team') return (await client.get<{ items: Named[] }>('/api/teams')).items.map((t) => ({ value: t.id, label: t.name }));
    if (ref === 'orgUnit') return (await client.get<{ items: (Named & { active: boolean })[] }>('/api/org-units')).items.filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }));
    if (definitionKinds.has(ref)) {
      const { items } = await client.get<{ items: { key: string; version: number; title: ReferenceOption['labels'] | null }[] }>('/api/definitions', { query: { kind: ref, status: 'published' } });
      // Every published version is listed; the latest names the key.
      const latest = new Map<string, ReferenceOption>();
      for (const d of [...items].sort((a, b) => a.version - b.version)) latest.set(d.key, d.title ? { value: d.key, label: d.title['zh-CN'], labels: d.title } : { value: d.key, label: d.key });
      return [...latest.values()];
    }
    return [];
  };
  return (ref) => {
    let found = cache.get(ref);
    if (!found) {
      found = load(ref).catch((error: unknown) => {
        cache.delete(ref);
        throw error;
      });
      cache.set(ref, found);
    }
    return found;
  };
}
