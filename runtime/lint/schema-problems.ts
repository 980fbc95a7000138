import type { z } from 'zod';
import type { LocalizedText } from '../schema/common';
import { toPointer, type PathSegment } from './pointer';
import type { Problem } from './types';

type ZodIssue = z.core.$ZodIssue;

const typeNames: Record<string, string> = {
  string: '字符串',
  number: '数字',
  int: '整数',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
  record: '对象',
  null: 'null',
};

/**
 * Turns the zod issues of one document into problems with JSON pointers and messages in both languages.
 * `json` is the document as received, used to tell a missing field from a wrong one.
 */
export function schemaProblems(file: string, json: unknown, issues: readonly ZodIssue[]): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((segment): segment is PathSegment => typeof segment !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      // One problem per key, each pointing at the key itself, so an editor can underline it.
      for (const key of issue.keys) {
        problems.push(problem(file, [...path, key], issue.code, {
          'zh-CN': `不允许的字段“${key}”`,
          en: `Unknown field "${key}"`,
        }));
      }
      continue;
    }
    if (issue.code === 'invalid_union') {
      const branch = closestBranch(issue.errors);
      if (branch) {
        // Report the branch that got furthest, as if it were the only shape: its issues say what to fix.
        problems.push(...schemaProblems(file, json, branch.map((inner) => ({ ...inner, path: [...path, ...inner.path] }) as ZodIssue)));
        continue;
      }
    }
    problems.push(problem(file, path, issue.code, messageOf(issue, json, path)));
  }
  return problems;
}

/** The union branch whose deepest issue lies deepest in the document; ties go to the one with fewer issues. */
function closestBranch(branches: readonly (readonly ZodIssue[])[]): readonly ZodIssue[] | undefined {
  let best: readonly ZodIssue[] | undefined;
  let bestDepth = -1;
  for (const branch of branches) {
    if (branch.length === 0) continue;
    const depth = Math.max(...branch.map((inner) => inner.path.length));
    if (depth > bestDepth || (depth === bestDepth && best && branch.length < best.length)) {
      best = branch;
      bestDepth = depth;
    }
  }
  return best;
}

function problem(file: string, path: PathSegment[], zodCode: string, message: LocalizedText): Problem {
  return { file, pointer: toPointer(path), code: 'schema-invalid', severity: 'error', message, params: { zodCode } };
}

function messageOf(issue: ZodIssue, json: unknown, path: PathSegment[]): LocalizedText {
  const field = path.length > 0 ? String(path.at(-1)) : '';
  switch (issue.code) {
    case 'invalid_type':
      if (valueAt(json, path) === undefined) {
        return { 'zh-CN': `缺少必填字段“${field}”`, en: `Required field "${field}" is missing` };
      }
      return {
        'zh-CN': `类型错误：应为${typeNames[issue.expected] ?? issue.expected}`,
        en: `Wrong type: expected ${issue.expected}`,
      };
    case 'too_small': {
      const bound = String(issue.minimum);
      if (issue.origin === 'string') return { 'zh-CN': `至少需要 ${bound} 个字符`, en: `Must have at least ${bound} character(s)` };
      if (issue.origin === 'array' || issue.origin === 'set') return { 'zh-CN': `至少需要 ${bound} 项`, en: `Must have at least ${bound} item(s)` };
      return issue.inclusive === false
        ? { 'zh-CN': `应大于 ${bound}`, en: `Must be greater than ${bound}` }
        : { 'zh-CN': `应不小于 ${bound}`, en: `Must be at least ${bound}` };
    }
    case 'too_big': {
      const bound = String(issue.maximum);
      if (issue.origin === 'string') return { 'zh-CN': `最多 ${bound} 个字符`, en: `Must have at most ${bound} character(s)` };
      if (issue.origin === 'array' || issue.origin === 'set') return { 'zh-CN': `最多 ${bound} 项`, en: `Must have at most ${bound} item(s)` };
      return issue.inclusive === false
        ? { 'zh-CN': `应小于 ${bound}`, en: `Must be less than ${bound}` }
        : { 'zh-CN': `应不大于 ${bound}`, en: `Must be at most ${bound}` };
    }
    case 'invalid_format':
      return issue.format === 'regex'
        ? { 'zh-CN': `格式不正确（${issue.message}）`, en: issue.message }
        : { 'zh-CN': `格式不正确：应为 ${issue.format} 格式`, en: `Invalid format: expected ${issue.format}` };
    case 'not_multiple_of':
      return { 'zh-CN': `应为 ${String(issue.divisor)} 的倍数`, en: `Must be a multiple of ${String(issue.divisor)}` };
    case 'invalid_value': {
      const allowed = issue.values.map((value) => JSON.stringify(value)).join(', ');
      return { 'zh-CN': `取值无效，允许的值：${allowed}`, en: `Invalid value; allowed: ${allowed}` };
    }
    case 'invalid_union': {
      const options = (issue as { options?: unknown }).options;
      if (Array.isArray(options)) {
        const allowed = options.map((value) => JSON.stringify(value)).join(', ');
        return { 'zh-CN': `取值无效，允许的值：${allowed}`, en: `Invalid value; allowed: ${allowed}` };
      }
      return { 'zh-CN': '不符合任何一种允许的形式', en: 'Matches none of the allowed shapes' };
    }
    case 'invalid_key':
      return { 'zh-CN': '对象的键无效', en: 'Invalid key in object' };
    case 'invalid_element':
      return { 'zh-CN': '集合中的元素无效', en: 'Invalid element' };
    case 'custom':
    default:
      return { 'zh-CN': `不符合约束：${issue.message}`, en: issue.message };
  }
}

function valueAt(json: unknown, path: readonly PathSegment[]): unknown {
  let current = json;
  for (const segment of path) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[String(segment)];
  }
  return current;
}
