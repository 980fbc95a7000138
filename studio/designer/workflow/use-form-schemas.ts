import { useMemo } from 'react';
import type { JsonSchema } from '../../../runtime/expression';
import { designerApi } from '../designer-api';
import { useAsync } from '../use-async';
import type { WorkflowBody } from './workflow-model';

/** The forms a workflow names (start and transitions). */
export function formKeysOf(body: WorkflowBody): string[] {
  const keys = new Set<string>();
  if (body.start.form) keys.add(body.start.form);
  for (const state of Object.values(body.states)) {
    for (const t of state.transitions ?? []) if (t.form) keys.add(t.form);
    if (state.sendBack?.form) keys.add(state.sendBack.form);
  }
  return [...keys].sort();
}

/**
 * The JSON Schemas of the forms a workflow names, newest published version each, for the guard picker's
 * fields and type check. A form that fails to load is left out: its fields are then simply not offered.
 */
export function useFormSchemas(body: WorkflowBody): Readonly<Record<string, JsonSchema>> {
  const keys = formKeysOf(body).join('\n');
  const loaded = useAsync(async () => {
    const entries = await Promise.all(
      keys
        .split('\n')
        .filter(Boolean)
        .map((key) =>
          designerApi()
            .get('form', key)
            .then((row) => [key, row.body.schema as JsonSchema] as const, () => undefined),
        ),
    );
    return Object.fromEntries(entries.filter((e) => e !== undefined));
  }, [keys]);
  return useMemo(() => loaded.data ?? {}, [loaded.data]);
}
