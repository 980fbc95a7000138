import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const sources = (directory: string): string[] =>
  readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? sources(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
const files = [...sources(join(root, 'runtime', 'expression')), ...sources(join(root, 'runtime', 'form'))];

/** What a pure runtime module must not do: I/O, reading the clock or randomness, or turning text into code. */
const forbidden: [RegExp, string][] = [
  [/from ['"]node:/, 'imports a Node built-in'],
  [/from ['"][./]*(server|studio)\//, 'imports server or studio'],
  [/from ['"](kysely|hono|better-sqlite3|pg)['"]/, 'imports a database or HTTP library'],
  [/Date\.now\(|new Date\(\)/, 'reads the clock'],
  [/Math\.random\(/, 'uses randomness'],
  [/\beval\(|new Function\(/, 'generates code from strings'],
];

describe('runtime/expression and runtime/form stay pure', () => {
  it('has files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((file) => [relative(root, file), file]))('%s', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    for (const [pattern, what] of forbidden) expect(pattern.test(text), what).toBe(false);
  });
});
