import type { FormDefinition } from '../../runtime/schema/form';
import type { AppDeps } from '../deps';

const MAX_LENGTH = 60;

/**
 * A line that tells one instance from another in a list (an inbox of twenty 待派单, a resident's orders):
 * the first required text the start form asks for (an order's 需求描述), cut to 60 characters. Never a
 * field marked `x-personal` (a name, a phone): the inbox of a pool lists tasks to people who may not read
 * those. Null when the start form asks for no such text or the instance left it empty.
 */
export function subjectOf(form: FormDefinition | undefined, input: Record<string, unknown>): string | null {
  const schema = form?.schema as { properties?: Record<string, { type?: unknown; 'x-personal'?: unknown }>; required?: unknown } | undefined;
  if (schema?.properties === undefined || !Array.isArray(schema.required)) return null;
  const required = new Set(schema.required);
  for (const [name, property] of Object.entries(schema.properties)) {
    if (!required.has(name) || property.type !== 'string' || property['x-personal'] === true) continue;
    const value = input[name];
    if (typeof value !== 'string') continue;
    const text = value.replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    const characters = [...text];
    return characters.length > MAX_LENGTH ? `${characters.slice(0, MAX_LENGTH - 1).join('')}…` : text;
  }
  return null;
}

/** Each instance's subject, from its workflow version's start form (both cached), keyed by `keyOf(row)`. */
export async function subjectsOf<R extends { definition_key: string; definition_version: number; data: string }>(deps: Pick<AppDeps, 'database' | 'definitions'>, rows: readonly R[], keyOf: (row: R) => string): Promise<Map<string, string | null>> {
  const db = deps.database.db;
  const forms = await deps.definitions.formLookup(db);
  const subjects = new Map<string, string | null>();
  for (const row of rows) {
    const workflow = await deps.definitions.workflow(db, row.definition_key, row.definition_version);
    const form = workflow?.start.form === undefined ? undefined : forms(workflow.start.form);
    const input = (JSON.parse(row.data) as { input?: Record<string, unknown> }).input ?? {};
    subjects.set(keyOf(row), subjectOf(form, input));
  }
  return subjects;
}
