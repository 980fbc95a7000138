import type { LocalizedText } from '../schema/common';
import { ExpressionFunctionError, type ExpressionErrorCode } from './messages';

/** What we need from the library's ParseError / TypeError / EvaluationError, read defensively. */
interface LibraryError {
  name: string;
  code?: string;
  summary?: string;
  message: string;
  range?: { start: number };
}

function asLibraryError(error: unknown): LibraryError | undefined {
  return error instanceof Error ? (error as LibraryError) : undefined;
}

export interface MappedError {
  code: ExpressionErrorCode;
  detail: string | LocalizedText;
  position?: number;
}

/** Maps a thrown or returned library error onto our codes; anything unexpected becomes `fallback`. */
export function mapLibraryError(error: unknown, fallback: ExpressionErrorCode): MappedError {
  if (error instanceof ExpressionFunctionError) return { code: 'expr-eval', detail: error.localized };
  const e = asLibraryError(error);
  if (!e) return { code: fallback, detail: String(error) };
  const detail = e.summary ?? e.message.split('\n')[0] ?? '';
  const position = e.range?.start;
  if (e.code === 'limit_exceeded') return withPosition('expr-too-complex', detail, position);
  if (e.name === 'ParseError') return withPosition('expr-syntax', detail, position);
  switch (e.code) {
    case 'unknown_variable': {
      const name = /Unknown variable: (.*)/.exec(detail)?.[1] ?? detail;
      return withPosition('expr-unknown-name', { 'zh-CN': `没有名为 ${name} 的变量`, en: `there is no variable named ${name}` }, position);
    }
    case 'no_such_key':
      if (e.name === 'TypeError') {
        const field = /No such key: (.*)/.exec(detail)?.[1] ?? detail;
        return withPosition('expr-unknown-name', { 'zh-CN': `没有字段 ${field}`, en: `there is no field ${field}` }, position);
      }
      return withPosition('expr-eval', evaluationNoSuchKey(detail), position);
    case 'no_matching_overload':
    case 'no_such_overload':
    case 'incompatible_ternary_branches':
    case 'heterogeneous_list_element':
      return withPosition('expr-type', detail, position);
    default:
      return withPosition(e.name === 'TypeError' ? 'expr-type' : fallback, detail, position);
  }
}

// Module level, not a closure per call: a missing optional field is mapped here on every command.
function withPosition(code: ExpressionErrorCode, detail: string | LocalizedText, position: number | undefined): MappedError {
  return position === undefined ? { code, detail } : { code, detail, position };
}

/**
 * The library's evaluation error for a key its object does not have, as mapped above; the fast path
 * (fast-path.ts) answers a missing field with this instead of letting the library throw it. The detail
 * is the library's own wording, which a property test holds the two to.
 */
export function noSuchKey(field: string): MappedError {
  return { code: 'expr-eval', detail: evaluationNoSuchKey(`No such key: ${field}`) };
}

function evaluationNoSuchKey(detail: string): LocalizedText {
  return { 'zh-CN': `${detail}（可选字段请先用 has(data.字段) 判断）`, en: `${detail} (test optional fields with has(data.field) first)` };
}
