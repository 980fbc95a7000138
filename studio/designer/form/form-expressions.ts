/**
 * The picker behind show/hide rules and computed values: the common cases as data, written out as CEL
 * for the author and read back from CEL when an existing expression has one of these shapes. Anything
 * else stays a custom expression, shown as text, so nothing an integrator wrote is lost.
 */
import { cloneJson } from '../text';
import { keyOfScope, scopeOf, type FieldType, type FormBody } from './form-model';

export type RuleEffect = 'SHOW' | 'HIDE' | 'ENABLE' | 'DISABLE';
export const ruleOperators = ['eq', 'ne', 'filled', 'empty', 'gt', 'gte', 'lt', 'lte'] as const;
export type RuleOperator = (typeof ruleOperators)[number];

export interface RuleCondition {
  field: string;
  op: RuleOperator;
  /** The compared value as typed; numbers and yes/no are written as CEL literals of their type. */
  value?: string;
}

const compare: Record<'gt' | 'gte' | 'lt' | 'lte', string> = { gt: '>', gte: '>=', lt: '<', lte: '<=' };

function literal(value: string, type: FieldType): string {
  if (type === 'number') return String(Number(value)).includes('.') ? String(Number(value)) : `${Number(value)}.0`;
  if (type === 'integer') return String(Math.trunc(Number(value)));
  if (type === 'boolean') return value === 'true' ? 'true' : 'false';
  return JSON.stringify(value);
}

/** CEL for a condition on one field, guarded with `has()` so an empty field never fails the form. */
export function conditionExpression(condition: RuleCondition, type: FieldType): string {
  const path = `data.${condition.field}`;
  const has = `has(${path})`;
  const value = condition.value ?? '';
  const list = type === 'multiple';
  switch (condition.op) {
    case 'filled':
      return list ? `${has} && size(${path}) > 0` : type === 'text' || type === 'textarea' ? `${has} && ${path} != ""` : has;
    case 'empty':
      return list ? `!${has} || size(${path}) == 0` : type === 'text' || type === 'textarea' ? `!${has} || ${path} == ""` : `!${has}`;
    case 'eq':
      return list ? `${has} && ${literal(value, 'text')} in ${path}` : `${has} && ${path} == ${literal(value, type)}`;
    case 'ne':
      return list ? `!${has} || !(${literal(value, 'text')} in ${path})` : `!${has} || ${path} != ${literal(value, type)}`;
    default:
      return `${has} && ${path} ${compare[condition.op]} ${literal(value, type)}`;
  }
}

const ident = '([a-zA-Z][a-zA-Z0-9]*)';
const lit = '("(?:[^"\\\\]|\\\\.)*"|-?\\d+(?:\\.\\d+)?|true|false)';
const patterns: [RegExp, (m: RegExpExecArray) => RuleCondition][] = [
  // "is filled" on text reads `!= ""`: it must be tried before the general comparison.
  [new RegExp(`^has\\(data\\.${ident}\\)(?: && (?:data\\.\\1 != ""|size\\(data\\.\\1\\) > 0))?$`), (m) => ({ field: m[1]!, op: 'filled' })],
  [new RegExp(`^!has\\(data\\.${ident}\\)(?: \\|\\| (?:data\\.\\1 == ""|size\\(data\\.\\1\\) == 0))?$`), (m) => ({ field: m[1]!, op: 'empty' })],
  [new RegExp(`^has\\(data\\.${ident}\\) && "((?:[^"\\\\]|\\\\.)*)" in data\\.\\1$`), (m) => ({ field: m[1]!, op: 'eq', value: JSON.parse(`"${m[2]!}"`) as string })],
  [new RegExp(`^has\\(data\\.${ident}\\) && data\\.\\1 (==|!=|>=|<=|>|<) ${lit}$`), (m) => ({ field: m[1]!, op: opOf(m[2]!), value: unliteral(m[3]!) })],
  [new RegExp(`^!has\\(data\\.${ident}\\) \\|\\| data\\.\\1 != ${lit}$`), (m) => ({ field: m[1]!, op: 'ne', value: unliteral(m[2]!) })],
  [new RegExp(`^!has\\(data\\.${ident}\\) \\|\\| !\\("((?:[^"\\\\]|\\\\.)*)" in data\\.\\1\\)$`), (m) => ({ field: m[1]!, op: 'ne', value: JSON.parse(`"${m[2]!}"`) as string })],
];

function opOf(symbol: string): RuleOperator {
  return ({ '==': 'eq', '!=': 'ne', '>': 'gt', '>=': 'gte', '<': 'lt', '<=': 'lte' } as const)[symbol as '=='] ?? 'eq';
}

function unliteral(text: string): string {
  return text.startsWith('"') ? (JSON.parse(text) as string) : text.replace(/\.0$/, '');
}

/** The picker's reading of an expression, or undefined when it is not one of the common shapes. */
export function parseCondition(expression: string): RuleCondition | undefined {
  const trimmed = expression.trim();
  for (const [pattern, read] of patterns) {
    const match = pattern.exec(trimmed);
    if (match) return read(match);
  }
  return undefined;
}

export function ruleOf(body: FormBody, key: string) {
  return (body.rules ?? []).find((rule) => keyOfScope(rule.scope) === key);
}

/** One rule per field: replaces the field's rule, or removes it when `rule` is undefined. */
export function setRule(body: FormBody, key: string, rule: { effect: RuleEffect; when: string } | undefined): FormBody {
  const next = cloneJson(body);
  const others = (next.rules ?? []).filter((r) => keyOfScope(r.scope) !== key);
  next.rules = rule ? [...others, { scope: scopeOf(key), effect: rule.effect, when: rule.when }] : others;
  return next;
}

export type ComputeOperation = 'sum' | 'product';

/** Sum or product of number fields; an empty field counts as 0 in a sum and as 1 in a product. */
export function computedExpression(op: ComputeOperation, fields: readonly { key: string; type: FieldType }[], resultType: FieldType): string {
  const decimal = resultType === 'number' || fields.some((f) => f.type === 'number');
  const neutral = op === 'sum' ? (decimal ? '0.0' : '0') : decimal ? '1.0' : '1';
  const term = (f: { key: string; type: FieldType }) => {
    const value = decimal && f.type === 'integer' ? `double(data.${f.key})` : `data.${f.key}`;
    return `(has(data.${f.key}) ? ${value} : ${neutral})`;
  };
  return fields.map(term).join(op === 'sum' ? ' + ' : ' * ') || neutral;
}

/** The fields and operation of a computed expression the picker wrote, or undefined. */
export function parseComputed(expression: string): { op: ComputeOperation; fields: string[] } | undefined {
  const term = /^\(has\(data\.([a-zA-Z][a-zA-Z0-9]*)\) \? (?:double\()?data\.\1\)? : (?:0|1)(?:\.0)?\)$/;
  for (const [op, separator] of [['sum', ' + '], ['product', ' * ']] as const) {
    const parts = expression.trim().split(separator);
    const fields = parts.map((part) => term.exec(part)?.[1]);
    if (fields.every((f): f is string => f !== undefined) && (parts.length > 1 || separator === ' + ')) {
      return { op, fields };
    }
  }
  return undefined;
}

export function computedOf(body: FormBody, key: string) {
  return (body.computed ?? []).find((c) => keyOfScope(c.scope) === key);
}

export function setComputed(body: FormBody, key: string, expression: string | undefined): FormBody {
  const next = cloneJson(body);
  const others = (next.computed ?? []).filter((c) => keyOfScope(c.scope) !== key);
  next.computed = expression ? [...others, { scope: scopeOf(key), expression }] : others;
  const property = (next.schema as { properties?: Record<string, Record<string, unknown>> }).properties?.[key];
  if (property) {
    if (expression) property.readOnly = true;
    else delete property.readOnly;
  }
  return next;
}
