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
    const { line, column } = locate(source, reason);
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

/** 1-based line and column of a JSON.parse error, from whichever form the engine's message takes. */
function locate(source: string, reason: string): { line: number; column: number } {
  const lineColumn = /line (\d+) column (\d+)/.exec(reason);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /at position (\d+)/.exec(reason);
  // Without a position the parser ran off the end ("Unexpected end of JSON input").
  const offset = position ? Number(position[1]) : source.length;
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
