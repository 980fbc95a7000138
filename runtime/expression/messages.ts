import type { LocalizedText } from '../schema/common';

export type ExpressionErrorCode =
  | 'expr-syntax'
  | 'expr-unknown-name'
  | 'expr-type'
  | 'expr-too-complex'
  | 'expr-result-type'
  | 'expr-eval';

/**
 * One sentence per code in both languages. The library's own detail (English, technical) is appended
 * in both, because a translated paraphrase of "no matching overload for 'double + string'" would
 * lose the very names an author needs to find the fault.
 */
const templates: Record<ExpressionErrorCode, LocalizedText> = {
  'expr-syntax': { 'zh-CN': '表达式语法错误', en: 'Syntax error in the expression' },
  'expr-unknown-name': { 'zh-CN': '表达式引用了不存在的名称', en: 'The expression reads a name that does not exist' },
  'expr-type': { 'zh-CN': '表达式类型不匹配', en: 'Type mismatch in the expression' },
  'expr-too-complex': { 'zh-CN': '表达式过于复杂，超出允许的规模', en: 'The expression is too complex for the allowed limits' },
  'expr-result-type': { 'zh-CN': '表达式结果的类型不符合要求', en: 'The expression returns the wrong type' },
  'expr-eval': { 'zh-CN': '表达式求值失败', en: 'The expression failed while evaluating' },
};

/** A message for `code`, with the detail in both languages (zh-CN detail may be given separately). */
export function expressionMessage(code: ExpressionErrorCode, detail?: string | LocalizedText): LocalizedText {
  const base = templates[code];
  if (detail === undefined || detail === '') return { ...base };
  const zh = typeof detail === 'string' ? detail : detail['zh-CN'];
  const en = typeof detail === 'string' ? detail : (detail.en ?? detail['zh-CN']);
  return { 'zh-CN': `${base['zh-CN']}：${zh}`, en: `${base.en}: ${en}` };
}

/** Every code, for tests and for the studio's legend. */
export const expressionErrorCodes = Object.keys(templates) as ExpressionErrorCode[];

/**
 * An error a function of ours throws with a bilingual reason, so that evaluation reports the author-facing
 * sentence instead of a JavaScript message.
 */
export class ExpressionFunctionError extends Error {
  readonly localized: LocalizedText;
  constructor(localized: LocalizedText) {
    super(localized.en ?? localized['zh-CN']);
    this.name = 'ExpressionFunctionError';
    this.localized = localized;
  }
}
