import type { LintProblem } from '../designer-api';
import { keyOfScope, type FormBody } from './form-model';

/** The field a lint problem concerns, when its pointer leads to one (its schema, rule, computed value or labels). */
export function fieldOfPointer(body: FormBody, pointer: string): string | undefined {
  const [head, a, b, c] = pointer.split('/').slice(1);
  if (head === 'schema' && a === 'properties') return b;
  if (head === 'schema' && a === 'required' && b !== undefined) return ((body.schema as { required?: string[] }).required ?? [])[Number(b)];
  if (head === 'rules' && a !== undefined) return keyOfScope(body.rules?.[Number(a)]?.scope);
  if (head === 'computed' && a !== undefined) return keyOfScope(body.computed?.[Number(a)]?.scope);
  if (head === 'i18n' && b !== undefined) return b.split('.')[0];
  void c;
  return undefined;
}

export function problemsByField(body: FormBody, problems: readonly LintProblem[]): Map<string, LintProblem[]> {
  const map = new Map<string, LintProblem[]>();
  for (const problem of problems) {
    const field = fieldOfPointer(body, problem.pointer);
    if (field) map.set(field, [...(map.get(field) ?? []), problem]);
  }
  return map;
}
