export interface JsonChange {
  op: 'add' | 'remove' | 'replace';
  pointer: string;
  from?: unknown;
  to?: unknown;
}

const escape = (segment: string) => segment.replaceAll('~', '~0').replaceAll('/', '~1');

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Changes from `before` to `after` at the deepest JSON pointer where they differ. Arrays compare by index
 * (a definition's arrays are ordered lists: steps, items, rooms), objects by key in sorted order.
 */
export function jsonDiff(before: unknown, after: unknown, pointer = ''): JsonChange[] {
  if (Array.isArray(before) && Array.isArray(after)) {
    const changes: JsonChange[] = [];
    const length = Math.max(before.length, after.length);
    for (let index = 0; index < length; index++) {
      const path = `${pointer}/${index}`;
      if (index >= after.length) changes.push({ op: 'remove', pointer: path, from: before[index] });
      else if (index >= before.length) changes.push({ op: 'add', pointer: path, to: after[index] });
      else changes.push(...jsonDiff(before[index], after[index], path));
    }
    return changes;
  }
  if (isObject(before) && isObject(after)) {
    const changes: JsonChange[] = [];
    for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
      const path = `${pointer}/${escape(key)}`;
      if (!Object.hasOwn(after, key)) changes.push({ op: 'remove', pointer: path, from: before[key] });
      else if (!Object.hasOwn(before, key)) changes.push({ op: 'add', pointer: path, to: after[key] });
      else changes.push(...jsonDiff(before[key], after[key], path));
    }
    return changes;
  }
  return Object.is(before, after) ? [] : [{ op: 'replace', pointer, from: before, to: after }];
}
