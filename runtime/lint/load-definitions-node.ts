/**
 * Node-only: reads definition files from disk for the CLI, the tests and the server's seeding. The pure
 * linter never touches the file system; this is the one place that does.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parseJsonDocument } from './json-syntax';
import type { DefinitionDocument, Problem } from './types';

export interface LoadedDefinitions {
  documents: DefinitionDocument[];
  /** Files that could not be read or parsed (`json-syntax`, `file-unreadable`). */
  problems: Problem[];
}

/** Generated JSON Schemas sit beside the pack but are not definitions. */
const skippedDirectories = new Set(['schemas', 'node_modules', '.git']);

/**
 * Every `*.json` file under the given files or directories (recursively, sorted), with file names
 * relative to `cwd` in POSIX form so problems read the same on every machine.
 */
export function loadDefinitions(paths: readonly string[], cwd = process.cwd()): LoadedDefinitions {
  const documents: DefinitionDocument[] = [];
  const problems: Problem[] = [];
  const files = new Set<string>();
  for (const path of paths) collect(resolve(cwd, path), files, path, problems, cwd);
  for (const absolute of [...files].sort()) {
    const file = displayName(absolute, cwd);
    let text: string;
    try {
      text = readFileSync(absolute, 'utf8');
    } catch (error) {
      problems.push(unreadable(file, error));
      continue;
    }
    const parsed = parseJsonDocument(file, text);
    if ('document' in parsed) documents.push(parsed.document);
    else problems.push(parsed.problem);
  }
  return { documents, problems };
}

function collect(absolute: string, files: Set<string>, given: string, problems: Problem[], cwd: string): void {
  let stats;
  try {
    stats = statSync(absolute);
  } catch (error) {
    problems.push(unreadable(displayName(absolute, cwd) || given, error));
    return;
  }
  if (stats.isFile()) {
    files.add(absolute);
    return;
  }
  for (const entry of readdirSync(absolute, { withFileTypes: true })) {
    const child = join(absolute, entry.name);
    if (entry.isDirectory()) {
      if (!skippedDirectories.has(entry.name)) collect(child, files, given, problems, cwd);
    } else if (entry.name.endsWith('.json')) {
      files.add(child);
    }
  }
}

function displayName(absolute: string, cwd: string): string {
  const local = relative(cwd, absolute);
  // Outside the working directory a relative name (`../../tmp/…`) is harder to read than the full path.
  const name = local.startsWith('..') || isAbsolute(local) ? absolute : local;
  return name.split(sep).join('/');
}

function unreadable(file: string, error: unknown): Problem {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    file,
    pointer: '',
    code: 'file-unreadable',
    severity: 'error',
    message: { 'zh-CN': `无法读取文件：${reason}`, en: `Cannot read file: ${reason}` },
  };
}
