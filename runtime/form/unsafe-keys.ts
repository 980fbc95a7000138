import type { FormIssue } from './types';
import { escapeToken, UNSAFE_KEYS } from './pointer';

const MAX_DEPTH = 64;
/** Cyclic data (handed in by code, never by JSON) stops here instead of looping; real forms are far smaller. */
const MAX_NODES = 100_000;

/**
 * Keys like `__proto__` in submitted data are refused outright: stored data is merged and copied by
 * many hands later, and one careless `Object.assign` would turn such a key into prototype pollution.
 * Runs on every submission, so it is a plain depth-first walk with a node budget (no visited set), and
 * the path becomes a pointer only when something is found.
 */
export function unsafeKeyIssues(data: unknown): FormIssue[] {
  const walk: Walk = { issues: [], path: [], budget: MAX_NODES };
  if (typeof data === 'object' && data !== null) visit(walk, data, 0);
  return walk.issues;
}

interface Walk {
  issues: FormIssue[];
  path: string[];
  budget: number;
}

// A module-level function, not a closure per call: this runs on every form submission and command.
function visit(walk: Walk, value: object, depth: number): void {
  if (--walk.budget < 0 || depth > MAX_DEPTH) return;
  const { path } = walk;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      if (typeof item !== 'object' || item === null) continue;
      path.push(String(index));
      visit(walk, item, depth + 1);
      path.pop();
    }
    return;
  }
  const record = value as Record<string, unknown>;
  // for-in over plain data objects is V8's fastest key walk; JSON data has no inherited enumerable keys.
  for (const key in record) {
    if (UNSAFE_KEYS.has(key)) {
      if (Object.hasOwn(record, key)) walk.issues.push(unsafeKey(path, key));
      continue;
    }
    const child = record[key];
    if (typeof child !== 'object' || child === null) continue;
    path.push(key);
    visit(walk, child, depth + 1);
    path.pop();
  }
}

function unsafeKey(path: readonly string[], key: string): FormIssue {
  return {
    pointer: [...path, key].map((token) => `/${escapeToken(token)}`).join(''),
    code: 'unsafe-key',
    message: { 'zh-CN': `不允许使用字段名 ${key}`, en: `The field name ${key} is not allowed` },
    params: { key },
  };
}
