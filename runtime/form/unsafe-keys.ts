import type { FormIssue } from './types';
import { joinPointer, UNSAFE_KEYS } from './pointer';

const MAX_DEPTH = 64;

/**
 * Keys like `__proto__` in submitted data are refused outright: stored data is merged and copied by
 * many hands later, and one careless `Object.assign` would turn such a key into prototype pollution.
 * Depth-bounded and cycle-safe because data may come from anywhere.
 */
export function unsafeKeyIssues(data: unknown): FormIssue[] {
  const issues: FormIssue[] = [];
  const seen = new Set<object>();
  const visit = (value: unknown, pointer: string, depth: number): void => {
    if (typeof value !== 'object' || value === null || depth > MAX_DEPTH || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      value.forEach((item: unknown, index) => visit(item, joinPointer(pointer, index), depth + 1));
      return;
    }
    for (const key of Object.keys(value)) {
      const child = joinPointer(pointer, key);
      if (UNSAFE_KEYS.has(key)) {
        issues.push({
          pointer: child,
          code: 'unsafe-key',
          message: { 'zh-CN': `不允许使用字段名 ${key}`, en: `The field name ${key} is not allowed` },
          params: { key },
        });
        continue;
      }
      visit((value as Record<string, unknown>)[key], child, depth + 1);
    }
  };
  visit(data, '', 0);
  return issues;
}
