import type { FormDefinition } from '../../../runtime/schema/form';

const MAX_LENGTH = 60;

/**
 * A line that tells one task from another in a list of tasks of the same step: the first required text
 * the start form asks for (an order's 需求描述), cut to 60 characters. Never a field marked
 * `x-personal` (a name, a phone): the inbox of a pool lists tasks to people who may not read those.
 * Null when the start form asks for no such text or the instance left it empty.
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
