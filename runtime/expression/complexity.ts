import type { ASTNode } from '@marcbachmann/cel-js';
import type { LocalizedText } from '../schema/common';
import { expressionLimits, knownFunctionNames } from './environment';
import type { ExpressionErrorCode } from './messages';

export interface StructureFault {
  code: ExpressionErrorCode;
  detail: LocalizedText;
  position: number;
}

const MACROS = new Set(['all', 'exists', 'exists_one', 'map', 'filter', 'bind']);
/** A quantified group that itself contains a quantifier: `(a+)+`, `(a|b*)*`, `(x{2,}){3}`. */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)\s*[+*{?]/;

/**
 * What the library's parse limits do not cover: nesting of comprehensions (each level multiplies the
 * work by the length of a list), functions that do not exist, and regular expressions that could
 * backtrack for ever on a long input. Returns the first fault, or undefined.
 */
export function findStructureFault(ast: ASTNode): StructureFault | undefined {
  return walk(ast, 0);
}

function walk(node: ASTNode, nesting: number): StructureFault | undefined {
  let inner = nesting;
  if (node.op === 'call' || node.op === 'rcall') {
    const name = node.args[0];
    if (!knownFunctionNames.has(name)) {
      return {
        code: 'expr-unknown-name',
        detail: { 'zh-CN': `没有名为 ${name} 的函数`, en: `there is no function named ${name}` },
        position: node.start,
      };
    }
    if (node.op === 'rcall' && MACROS.has(name)) {
      inner = nesting + 1;
      if (inner > expressionLimits.maxMacroNesting) {
        return {
          code: 'expr-too-complex',
          detail: {
            'zh-CN': `列表宏（map、filter、exists、all、exists_one、cel.bind）最多嵌套 ${expressionLimits.maxMacroNesting} 层`,
            en: `list macros (map, filter, exists, all, exists_one, cel.bind) nest at most ${expressionLimits.maxMacroNesting} deep`,
          },
          position: node.start,
        };
      }
    }
    if (name === 'matches') {
      const fault = regexFault(node.op === 'rcall' ? node.args[2][0] : node.args[1][1]);
      if (fault) return { ...fault, position: node.start };
    }
  }
  for (const child of children(node)) {
    const fault = walk(child, inner);
    if (fault) return fault;
  }
  return undefined;
}

/** How deeply list macros nest in `ast` (0 when there are none). */
export function macroNesting(ast: ASTNode): number {
  const own = ast.op === 'rcall' && MACROS.has(ast.args[0]) ? 1 : 0;
  let deepest = 0;
  for (const child of children(ast)) deepest = Math.max(deepest, macroNesting(child));
  return own + deepest;
}

function regexFault(pattern: ASTNode | undefined): Omit<StructureFault, 'position'> | undefined {
  if (!pattern || pattern.op !== 'value' || typeof pattern.args !== 'string') {
    return {
      code: 'expr-too-complex',
      detail: { 'zh-CN': 'matches 的模式必须是字符串字面量', en: 'the pattern of matches must be a string literal' },
    };
  }
  if (pattern.args.length > 200 || NESTED_QUANTIFIER.test(pattern.args)) {
    return {
      code: 'expr-too-complex',
      detail: {
        'zh-CN': 'matches 的模式过长或含嵌套量词（如 (a+)+），可能导致回溯爆炸',
        en: 'the pattern of matches is too long or nests quantifiers (like (a+)+), which can backtrack for ever',
      },
    };
  }
  return undefined;
}

function children(node: ASTNode): ASTNode[] {
  const out: ASTNode[] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) for (const v of value) collect(v);
    else if (typeof value === 'object' && value !== null && 'op' in value && 'args' in value) out.push(value as ASTNode);
  };
  if (node.op !== 'value' && node.op !== 'id') collect(node.args);
  return out;
}
