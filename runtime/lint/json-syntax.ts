import { jsonErrorOffset } from './json-error-offset';
import type { DefinitionDocument, Problem } from './types';

/**
 * Parses the text of a definition file. Invalid JSON is a problem like any other (code `json-syntax`,
 * with line and column), so one broken file never stops the rest of a pack from being linted.
 */
export function parseJsonDocument(file: string, text: string): { document: DefinitionDocument } | { problem: Problem } {
  // Editors on Windows save UTF-8 with a byte-order mark, which JSON.parse rejects.
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { document: { file, json: JSON.parse(source) as unknown } };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const { line, column } = locate(source);
    return {
      problem: {
        file,
        pointer: '',
        code: 'json-syntax',
        severity: 'error',
        message: {
          'zh-CN': `JSON 语法错误（第 ${line} 行第 ${column} 列）：${reason}`,
          en: `Invalid JSON at line ${line}, column ${column}: ${reason}`,
        },
        params: { line, column },
      },
    };
  }
}

/** 1-based line and column of the first syntax error. */
function locate(source: string): { line: number; column: number } {
  const offset = jsonErrorOffset(source);
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
