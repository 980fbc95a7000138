import type { ASTNode } from '@marcbachmann/cel-js';

/**
 * A closure-compiled evaluator for the few node kinds that make up most guards and rules
 * (`data.stars <= 2 && size(data.tags) > 0`): field access on plain objects, literals, comparisons,
 * `&&`, `||`, `!`, `in`, `size` and `has`. No code is generated from text: each node becomes a small JS
 * closure. It is only ever an accelerator. Whenever a value is not of the plain kind it expects
 * (a missing field, a string where a number should be, a Map, an int too large for a double) it gives
 * up and the library evaluates the expression, so results and errors are the library's own. A
 * property test compares the two on random expressions and data.
 */
export type FastProgram = (variables: Record<string, unknown>) => boolean;

/** Thrown to hand the evaluation back to the library; one shared object, so giving up allocates nothing. */
export const GIVE_UP: unique symbol = Symbol('give-up');

type Node = (variables: Record<string, unknown>) => unknown;

const giveUp = (): never => {
  throw GIVE_UP;
};

const BOOLEAN_ROOTS = new Set(['<', '<=', '>', '>=', '==', '!=', '&&', '||', '!_', 'in', 'call']);

/** A fast program for `ast`, or undefined when the expression uses anything outside the subset or is not boolean-rooted. */
export function compileFastPath(ast: ASTNode): FastProgram | undefined {
  if (!BOOLEAN_ROOTS.has(ast.op) || (ast.op === 'call' && ast.args[0] !== 'has')) return undefined;
  const program = compile(ast);
  if (!program) return undefined;
  return (variables) => {
    const result = program(variables);
    return typeof result === 'boolean' ? result : giveUp();
  };
}

/**
 * What a field path answers when it ends at a key its plain object does not have: the library's
 * `no_such_key` error for `field`, decided without asking the library (which would throw it).
 */
export class MissingField {
  constructor(readonly field: string) {}
}

/**
 * A fast program for an expression that is only a field path (`vars.teamLeaderId`, `input.expectedTime`):
 * assignee, unit, `set` and timer `from` expressions are mostly this. Answers strings, booleans, null
 * and finite numbers as the library would return them after `toPlainValue`, and a `MissingField` where
 * the library would fail with `no_such_key` (an optional field not filled in); anything else (an object
 * or a list the library would copy, a value of another kind on the way) gives up.
 */
export function compileFastValue(ast: ASTNode): ((variables: Record<string, unknown>) => unknown) | undefined {
  const path = fieldPath(ast);
  if (path === undefined) return undefined;
  const { root, names } = path;
  // One per step, made once: a missing field is the common case of an optional one.
  const missing = names.map((name) => new MissingField(name));
  return (variables) => {
    let value: unknown = variables[root];
    for (let i = 0; i < names.length; i++) {
      if (!isPlainObject(value)) return giveUp();
      // The library reads own keys only; a plain object inherits no undefined, so undefined is "not there".
      const next: unknown = value[names[i]!];
      if (next === undefined) return missing[i];
      value = next;
    }
    if (typeof value === 'string' || typeof value === 'boolean' || value === null) return value;
    // JSON has no negative zero: toPlainValue turns -0 into 0.
    if (typeof value === 'number' && Number.isFinite(value)) return value === 0 ? 0 : value;
    return giveUp();
  };
}

function numericLiteral(node: ASTNode): number | undefined {
  if (node.op !== 'value') return undefined;
  const value = node.args;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint' && Number.isSafeInteger(Number(value))) return Number(value);
  return undefined;
}

function isNumber(v: unknown): v is number | bigint {
  return typeof v === 'number' || typeof v === 'bigint';
}

/** Numbers as doubles; an int beyond 2^53 would lose precision, so the library handles it. */
function asDouble(v: number | bigint): number {
  if (typeof v === 'number') return v;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : giveUp();
}

/**
 * JSON objects only. `constructor === Object` is the cheapest test V8 can cache; an object with an own
 * `constructor` key, a null prototype, a Map or a class instance fails it and goes to the library.
 */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && (v as { constructor?: unknown }).constructor === Object;
}

/** The library refuses these names even as own keys; so must we. */
const REFUSED_FIELDS = new Set(['__proto__', 'constructor', 'prototype']);

function compile(node: ASTNode): Node | undefined {
  switch (node.op) {
    case 'value': {
      const value = node.args;
      if (typeof value === 'bigint' || typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return () => value;
      return undefined;
    }
    case 'id':
    case '.':
      return access(node);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return ordering(node.op, node.args[0], node.args[1]);
    case '==':
    case '!=':
      return equality(node.op === '!=', node.args[0], node.args[1]);
    case '&&':
    case '||':
      return logical(node.op === '&&', node.args[0], node.args[1]);
    case '!_': {
      const operand = compile(node.args);
      if (!operand) return undefined;
      return (variables) => {
        const v = operand(variables);
        return typeof v === 'boolean' ? !v : giveUp();
      };
    }
    case 'in':
      return membership(node.args[0], node.args[1]);
    case 'list': {
      // Literal lists of plain values only (`data.kind in ["a", "b"]`), built once.
      const values: unknown[] = [];
      for (const element of node.args) {
        const v: unknown = element.op === 'value' ? element.args : undefined;
        if (typeof v !== 'bigint' && typeof v !== 'number' && typeof v !== 'string' && typeof v !== 'boolean') return undefined;
        values.push(v);
      }
      return () => values;
    }
    case 'call':
      if (node.args[0] === 'has' && node.args[1].length === 1) return presence(node.args[1][0]);
      return node.args[0] === 'size' && node.args[1].length === 1 ? size(node.args[1][0]) : undefined;
    case 'rcall':
      return node.args[0] === 'size' && node.args[2].length === 0 ? size(node.args[1]) : undefined;
    default:
      return undefined;
  }
}

/** `has(x.field)` on a plain object: the key is there with a value (a JSON `null` counts as there). */
function presence(argument: ASTNode | undefined): Node | undefined {
  if (!argument || argument.op !== '.' || REFUSED_FIELDS.has(argument.args[1])) return undefined;
  const target = compile(argument.args[0]);
  const field = argument.args[1];
  if (!target) return undefined;
  return (variables) => {
    const object = target(variables);
    if (!isPlainObject(object)) return giveUp();
    return Object.hasOwn(object, field) && object[field] !== undefined;
  };
}

/**
 * `data.a.b` as one closure over a fixed list of names: the common case of every guard, so it avoids a
 * closure call per step. No own-property test: what a plain object (or the variables object) inherits
 * is functions and objects, never a number, string, boolean or list; functions are refused here and
 * every operation gives up on objects it does not expect.
 */
function access(node: ASTNode): Node | undefined {
  const path = fieldPath(node);
  if (path === undefined) return undefined;
  const { root, names } = path;
  if (names.length === 1) {
    const [field] = names as [string];
    return (variables) => {
      const object = variables[root];
      if (!isPlainObject(object)) return giveUp();
      const value = object[field];
      return value === undefined || typeof value === 'function' ? giveUp() : value;
    };
  }
  return (variables) => {
    let value: unknown = variables[root];
    for (const name of names) {
      if (!isPlainObject(value)) return giveUp();
      value = value[name];
    }
    return value === undefined || typeof value === 'function' ? giveUp() : value;
  };
}

/** Only lists: CEL counts a string's size in code points, which the library does right. */
function size(argument: ASTNode | undefined): Node | undefined {
  const value = argument && compile(argument);
  if (!value) return undefined;
  return (variables) => {
    const v = value(variables);
    return Array.isArray(v) ? v.length : giveUp();
  };
}

/** Numbers only: string ordering in CEL is by code point, which JS's is not for characters beyond the BMP. */
function ordering(op: '<' | '<=' | '>' | '>=', leftNode: ASTNode, rightNode: ASTNode): Node | undefined {
  const constant = numericLiteral(rightNode);
  if (constant !== undefined) {
    // `data.stars <= 2`: the literal is converted once, not on every evaluation.
    const left = compile(leftNode);
    if (!left) return undefined;
    const number = (v: unknown) => (typeof v === 'number' ? v : isNumber(v) ? asDouble(v) : giveUp());
    switch (op) {
      case '<':
        return (variables) => number(left(variables)) < constant;
      case '<=':
        return (variables) => number(left(variables)) <= constant;
      case '>':
        return (variables) => number(left(variables)) > constant;
      case '>=':
        return (variables) => number(left(variables)) >= constant;
    }
  }
  const left = compile(leftNode);
  const right = compile(rightNode);
  if (!left || !right) return undefined;
  const number = (v: unknown) => (isNumber(v) ? asDouble(v) : giveUp());
  switch (op) {
    case '<':
      return (variables) => number(left(variables)) < number(right(variables));
    case '<=':
      return (variables) => number(left(variables)) <= number(right(variables));
    case '>':
      return (variables) => number(left(variables)) > number(right(variables));
    case '>=':
      return (variables) => number(left(variables)) >= number(right(variables));
  }
}

function same(a: unknown, b: unknown): boolean {
  if (isNumber(a) && isNumber(b)) return asDouble(a) === asDouble(b);
  if ((typeof a === 'string' && typeof b === 'string') || (typeof a === 'boolean' && typeof b === 'boolean')) return a === b;
  return giveUp();
}

function equality(negate: boolean, leftNode: ASTNode, rightNode: ASTNode): Node | undefined {
  const left = compile(leftNode);
  const right = compile(rightNode);
  if (!left || !right) return undefined;
  return negate ? (variables) => !same(left(variables), right(variables)) : (variables) => same(left(variables), right(variables));
}

/**
 * As the library does (its `&&` and `||` evaluate the left side first and stop when it decides): `false
 * && …` is false and `true || …` is true whatever the right side is, even when the right side is beyond
 * the fast path (`!has(input.expectedTime) || timestamp(now) >= …`). Otherwise the right side decides,
 * and only a plain boolean from it is the answer.
 */
function logical(isAnd: boolean, leftNode: ASTNode, rightNode: ASTNode): Node | undefined {
  const left = compile(leftNode);
  if (!left) return undefined;
  const right = compile(rightNode);
  const decisive = !isAnd;
  return (variables) => {
    const l = left(variables);
    if (typeof l !== 'boolean') return giveUp();
    if (l === decisive) return l;
    if (!right) return giveUp();
    const r = right(variables);
    return typeof r === 'boolean' ? r : giveUp();
  };
}

function membership(itemNode: ASTNode, listNode: ASTNode): Node | undefined {
  const item = compile(itemNode);
  const list = compile(listNode);
  if (!item || !list) return undefined;
  return (variables) => {
    const needle = item(variables);
    const haystack = list(variables);
    if (!Array.isArray(haystack) || (typeof needle !== 'string' && typeof needle !== 'boolean' && !isNumber(needle))) return giveUp();
    let found = false;
    for (const element of haystack as unknown[]) {
      // A mixed list is the library's to judge; a plain one is answered here.
      if (!found && same(needle, element)) found = true;
    }
    return found;
  };
}

/** `a.b.c` as its root variable and field names; undefined when the node is not a plain path or names a refused field. */
function fieldPath(node: ASTNode): { root: string; names: string[] } | undefined {
  const names: string[] = [];
  let current: ASTNode = node;
  while (current.op === '.') {
    names.unshift(current.args[1]);
    current = current.args[0];
  }
  if (current.op !== 'id') return undefined;
  const root = current.args;
  if (REFUSED_FIELDS.has(root) || names.some((name) => REFUSED_FIELDS.has(name))) return undefined;
  return { root, names };
}
