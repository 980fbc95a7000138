/**
 * The guard picker's model: common transition conditions (the actor holds a role; a form field or a
 * variable compared with a value) as data, written out as CEL and read back from CEL of the same shape.
 * Anything else is an expert's expression and is kept as typed. Types come from the forms' JSON Schemas,
 * the same ones the linter builds its scope from, so what is written here type-checks there.
 */
import { checkExpression, type CheckResult, type JsonSchema } from '../../../runtime/expression';
import { workflowScope } from '../../../runtime/lint/rules/workflow/scope';
import type { LintContext } from '../../../runtime/lint/types';
import type { Transition } from '../../../runtime/schema/workflow';
import type { WorkflowBody } from './workflow-model';

export const guardOperators = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'filled', 'empty'] as const;
export type GuardOperator = (typeof guardOperators)[number];
export type ValueType = 'string' | 'number' | 'integer' | 'boolean' | 'other';

export type GuardCondition =
  | { kind: 'role'; role: string }
  /** `source` is `input`, `form`, `vars` or `data.<event>`. */
  | { kind: 'field'; source: string; field: string; op: GuardOperator; value?: string };

export interface Guard {
  join: 'all' | 'any';
  conditions: GuardCondition[];
}

export interface FieldChoice {
  source: string;
  field: string;
  type: ValueType;
  /** Allowed values of a choice field, with their titles. */
  options?: { value: string; title?: string }[];
  title?: string;
  /** Variables are always present; form fields may be missing and are tested with has() first. */
  alwaysPresent: boolean;
}

type Schema = { type?: string | string[]; title?: string; enum?: unknown[]; oneOf?: { const?: unknown; title?: string }[]; properties?: Record<string, Schema> };

function typeOf(schema: Schema): ValueType {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'string' || type === 'number' || type === 'integer' || type === 'boolean') return type;
  if (schema.oneOf?.every((o) => typeof o.const === 'string')) return 'string';
  return 'other';
}

function optionsOf(schema: Schema): FieldChoice['options'] {
  if (schema.enum?.every((v) => typeof v === 'string')) return (schema.enum as string[]).map((value) => ({ value }));
  if (schema.oneOf?.length && schema.oneOf.every((o) => typeof o.const === 'string')) return schema.oneOf.map((o) => ({ value: o.const as string, title: o.title }));
  return undefined;
}

function fieldsOf(source: string, schema: Schema | undefined, alwaysPresent: boolean): FieldChoice[] {
  return Object.entries(schema?.properties ?? {})
    .map(([field, property]) => ({ source, field, type: typeOf(property), options: optionsOf(property), title: property.title, alwaysPresent }))
    .filter((choice) => choice.type !== 'other');
}

/** Every field a guard on `transition` can read: start form, this command's form, other transitions' forms, variables. */
export function fieldChoices(body: WorkflowBody, forms: Readonly<Record<string, JsonSchema>>, transition: Transition | undefined): FieldChoice[] {
  const choices: FieldChoice[] = [];
  if (body.start.form) choices.push(...fieldsOf('input', forms[body.start.form] as Schema, false));
  else if (body.start.schema) choices.push(...fieldsOf('input', body.start.schema as Schema, false));
  if (transition?.form) choices.push(...fieldsOf('form', forms[transition.form] as Schema, false));
  const seen = new Set<string>();
  for (const state of Object.values(body.states)) {
    for (const t of state.transitions ?? []) {
      if (!t.form || seen.has(t.event)) continue;
      seen.add(t.event);
      choices.push(...fieldsOf(`data.${t.event}`, forms[t.form] as Schema, false));
    }
  }
  choices.push(...fieldsOf('vars', { properties: body.variables as Record<string, Schema> }, true));
  return choices;
}

function literal(value: string, type: ValueType): string {
  if (type === 'number') return String(Number(value)).includes('.') || String(Number(value)).includes('e') ? String(Number(value)) : `${Number(value)}.0`;
  if (type === 'integer') return String(Math.trunc(Number(value)));
  if (type === 'boolean') return value === 'true' ? 'true' : 'false';
  return JSON.stringify(value);
}

const symbols = { eq: '==', ne: '!=', gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

/** CEL for one condition; a field that may be missing is tested with has() (and its event's data too). */
export function conditionCel(condition: GuardCondition, choices: readonly FieldChoice[]): string {
  if (condition.kind === 'role') return `actor.roles.exists(r, r.role == ${JSON.stringify(condition.role)})`;
  const choice = choices.find((c) => c.source === condition.source && c.field === condition.field);
  const type = choice?.type ?? 'string';
  const path = `${condition.source}.${condition.field}`;
  const present = choice?.alwaysPresent ? [] : [...(condition.source.startsWith('data.') ? [`has(${condition.source})`] : []), `has(${path})`];
  const value = condition.value ?? '';
  if (condition.op === 'filled') return present.length ? present.join(' && ') : 'true';
  if (condition.op === 'empty') return present.length ? `!(${present.join(' && ')})` : 'false';
  const comparison = `${path} ${symbols[condition.op]} ${literal(value, type)}`;
  if (condition.op === 'ne' && present.length) return `!(${present.join(' && ')}) || ${comparison}`;
  return [...present, comparison].join(' && ');
}

/** The guard as CEL; undefined when there is no condition (the transition is unguarded). */
export function guardCel(guard: Guard, choices: readonly FieldChoice[]): string | undefined {
  const parts = guard.conditions.map((c) => conditionCel(c, choices));
  if (parts.length === 0) return undefined;
  if (parts.length === 1) return parts[0];
  return parts.map((p) => `(${p})`).join(guard.join === 'all' ? ' && ' : ' || ');
}

// ---- reading back ---------------------------------------------------------------------------------

const pathRe = '((?:input|form|vars|data\\.[a-zA-Z][a-zA-Z0-9_]*))\\.([a-zA-Z_][a-zA-Z0-9_]*)';
const litRe = '("(?:[^"\\\\]|\\\\.)*"|-?\\d+(?:\\.\\d+)?(?:e-?\\d+)?|true|false)';
const hasRe = (source: string) => (source.startsWith('data.') ? `has\\(${source.replace('.', '\\.')}\\) && ` : '');

function unliteral(text: string): string {
  return text.startsWith('"') ? (JSON.parse(text) as string) : text.replace(/\.0$/, '');
}

const opOf = (symbol: string): GuardOperator => (Object.entries(symbols).find(([, s]) => s === symbol)?.[0] as GuardOperator | undefined) ?? 'eq';

/** One condition of the picker's shapes, or undefined. Built with conditionCel, so each shape reads back exactly. */
export function parseCondition(text: string, choices: readonly FieldChoice[]): GuardCondition | undefined {
  const role = /^actor\.roles\.exists\(r, r\.role == ("(?:[^"\\]|\\.)*")\)$/.exec(text);
  if (role) return { kind: 'role', role: JSON.parse(role[1]!) as string };
  const candidates: GuardCondition[] = [];
  const compared = new RegExp(`${pathRe} (==|!=|>=|<=|>|<) ${litRe}$`).exec(text);
  if (compared) candidates.push({ kind: 'field', source: compared[1]!, field: compared[2]!, op: opOf(compared[3]!), value: unliteral(compared[4]!) });
  const has = new RegExp(`has\\(${pathRe}\\)\\)?$`).exec(text);
  if (has) candidates.push({ kind: 'field', source: has[1]!, field: has[2]!, op: text.startsWith('!(') ? 'empty' : 'filled' });
  return candidates.find((candidate) => conditionCel(candidate, choices) === text);
}

/** Splits at top-level `&&` or `||` (outside parentheses and strings). */
function splitTop(text: string, operator: '&&' | '||'): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && text.startsWith(` ${operator} `, i)) {
      parts.push(text.slice(start, i));
      start = i + operator.length + 2;
      i = start - 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

const unwrap = (part: string) => (part.startsWith('(') && part.endsWith(')') ? part.slice(1, -1) : part);

/** The picker's reading of a guard, or undefined when the expression is an expert's own. */
export function parseGuard(expression: string | undefined, choices: readonly FieldChoice[]): Guard | undefined {
  if (expression === undefined || expression.trim() === '') return { join: 'all', conditions: [] };
  const text = expression.trim();
  const single = parseCondition(text, choices);
  if (single) return { join: 'all', conditions: [single] };
  for (const join of ['all', 'any'] as const) {
    const parts = splitTop(text, join === 'all' ? '&&' : '||');
    if (parts.length < 2) continue;
    const conditions = parts.map((p) => parseCondition(unwrap(p.trim()), choices));
    if (conditions.every((c) => c !== undefined)) {
      const guard = { join, conditions: conditions as GuardCondition[] };
      if (guardCel(guard, choices) === text) return guard;
    }
  }
  return undefined;
}

/**
 * Type-checks a guard in the scope the linter uses (runtime/lint/rules/workflow/scope.ts), built from
 * the forms the designer loaded, so the author sees a mistake before the server's lint round-trip.
 */
export function checkGuard(expression: string, body: WorkflowBody, forms: Readonly<Record<string, JsonSchema>>, transition: Transition | undefined): CheckResult {
  const context = {
    definitions: [],
    find: () => [],
    resolve: (_kind: string, key: string) => (forms[key] ? { definition: { schema: forms[key] } } : undefined),
  } as unknown as LintContext;
  // The scope reads defaults the schema fills in (transitions, variables); a draft body may omit them.
  const states = Object.fromEntries(Object.entries(body.states ?? {}).map(([key, state]) => [key, { ...state, transitions: state.transitions ?? [] }]));
  const definition = { ...body, variables: body.variables ?? {}, states } as WorkflowBody;
  return checkExpression(expression, workflowScope(definition, context, transition), 'bool');
}
