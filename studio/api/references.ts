/**
 * Choices for fields that refer to other records (`options.ref` in a form's UI schema), from the API.
 * Org units and teams come with their names; definition kinds (serviceItem, serviceCategory, …) with
 * their keys, the value the form stores. Each list is fetched once per lookup.
 */
import type { LookupReferences, ReferenceOption } from '../renderers/context';
import { api, type Client } from './client';

interface Named {
  id: string;
  name: string;
}

const definitionKinds = new Set(['serviceCategory', 'serviceItem', 'functionRoom', 'teamType', 'stationType', 'rubric', 'workflow', 'form']);

export function createReferenceLookup(client: Client = api): LookupReferences {
  const cache = new Map<string, Promise<ReferenceOption[]>>();
  const load = async (ref: string): Promise<ReferenceOption[]> => {
    if (ref === 'team') return (await client.get<{ items: Named[] }>('/api/teams')).items.map((t) => ({ value: t.id, label: t.name }));
    if (ref === 'orgUnit') return (await client.get<{ items: (Named & { active: boolean })[] }>('/api/org-units')).items.filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }));
    if (definitionKinds.has(ref)) {
      const { items } = await client.get<{ items: { key: string }[] }>('/api/definitions', { query: { kind: ref, status: 'published' } });
      return [...new Set(items.map((d) => d.key))].map((key) => ({ value: key, label: key }));
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
