import { Environment } from '@marcbachmann/cel-js';
import { builtinFunctions } from './functions/builtin-functions';
import { collectionFunctions } from './functions/collection-functions';
import { dateFunctions } from './functions/date-functions';
import { numberFunctions } from './functions/number-functions';
import type { AuthorFunction } from './functions/types';

/**
 * Structural limits. Source length and macro nesting are checked by us (the library has no such
 * option); the rest are the library's parse-time limits. Two nested comprehensions over lists of a
 * few hundred elements are tens of thousands of steps — fast; three would be millions.
 */
export const expressionLimits = {
  maxSourceLength: 2000,
  maxMacroNesting: 2,
  /** Nested macros over lists in the data: refused when the longest list, squared, exceeds this (about a second of work). */
  maxNestedIterations: 1_000_000,
  maxAstNodes: 400,
  maxDepth: 32,
  maxListElements: 200,
  maxMapEntries: 100,
  maxCallArguments: 8,
} as const;

export const authorFunctions: readonly AuthorFunction[] = [...numberFunctions, ...dateFunctions, ...collectionFunctions];
export const documentedFunctions: readonly AuthorFunction[] = [...builtinFunctions, ...authorFunctions];

/**
 * JSON numbers are doubles; CEL integer literals are ints, and CEL refuses `double + int`. Authors
 * write `data.stars + 1`, so the mixed overloads are added and return doubles (no `.0` gymnastics).
 */
function installMixedArithmetic(env: Environment): void {
  const n = (v: number | bigint) => Number(v);
  const ops: Record<'+' | '-' | '*' | '/', (a: number, b: number) => number> = {
    '+': (a, b) => a + b,
    '-': (a, b) => a - b,
    '*': (a, b) => a * b,
    '/': (a, b) => a / b,
  };
  for (const [op, fn] of Object.entries(ops)) {
    env.registerOperator(`double ${op} int: double`, (a: number, b: bigint) => fn(a, n(b)));
    env.registerOperator(`int ${op} double: double`, (a: bigint, b: number) => fn(n(a), b));
  }
  // `==` and `!=` are registered symmetrically by the library from this one declaration.
  env.registerOperator('double == int', (a: number, b: bigint) => a === n(b));
}

/**
 * `data.stars in [1, 2, 3]` is `double in list<int>` to the checker. At evaluation `data.stars` is
 * dynamic and the library's own `in` already compares by value; registering these there as well
 * would make the two overloads ambiguous, so they are for checking only.
 */
function installMixedMembership(env: Environment): Environment {
  const member = (a: number | bigint, list: ReadonlyArray<number | bigint>) => list.some((item) => Number(item) === Number(a));
  env.registerOperator('double in list<int>: bool', member);
  env.registerOperator('int in list<double>: bool', member);
  return env;
}

function install(env: Environment, dynamic: boolean): Environment {
  installMixedArithmetic(env);
  for (const fn of authorFunctions) {
    for (const [signature, handler, only] of fn.overloads) {
      if (only !== 'dynamicOnly' || dynamic) env.registerFunction(signature, handler);
    }
  }
  return env;
}

const { maxAstNodes, maxDepth, maxListElements, maxMapEntries, maxCallArguments } = expressionLimits;
const options = {
  homogeneousAggregateLiterals: false,
  limits: { maxAstNodes, maxDepth, maxListElements, maxMapEntries, maxCallArguments },
};

/**
 * Evaluation does not know the JSON Schema of the variables (a compiled expression is evaluated with
 * whatever the caller passes), so every variable is dynamic; the schema-aware check runs before publish.
 */
export const evaluationEnvironment: Environment = install(new Environment({ ...options, unlistedVariablesAreDyn: true }), true);

/** The parent of every scope's checking environment; cloning freezes it, which is what we want. */
const checkingBase: Environment = installMixedMembership(install(new Environment({ ...options, unlistedVariablesAreDyn: false }), false));

export function newCheckingEnvironment(): Environment {
  return checkingBase.clone();
}

/** Names an expression may call: CEL's own functions plus ours. Used to tell an unknown function from a wrong argument type. */
export const knownFunctionNames: ReadonlySet<string> = new Set([
  ...evaluationEnvironment.getDefinitions().functions.map((f) => f.name),
  ...documentedFunctions.map((f) => f.name),
  'bind',
]);
