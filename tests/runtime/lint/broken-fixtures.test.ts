import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintDefinitions } from '../../../runtime/lint/lint';
import { loadDefinitions } from '../../../runtime/lint/load-definitions-node';
import type { Problem } from '../../../runtime/lint/types';

/**
 * Each folder under tests/fixtures/broken/ is one deliberately broken case: its JSON files, linted together
 * with the valid definitions in _base/, must produce exactly the problems its expected.json lists.
 */
const root = join(import.meta.dirname, '..', '..', 'fixtures', 'broken');
const cases = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
  .map((entry) => entry.name)
  .sort();

interface Expected {
  file: string;
  pointer: string;
  code: string;
}

function lintFolders(folders: string[]): Problem[] {
  const loaded = loadDefinitions(folders, root);
  // expected.json describes the case; it is not a definition.
  const documents = loaded.documents.filter((document) => !document.file.endsWith('/expected.json'));
  return [...loaded.problems, ...lintDefinitions(documents)];
}

describe('broken definition fixtures', () => {
  it('has at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it('lints the shared _base definitions clean, so a case reports only its own fault', () => {
    expect(lintFolders(['_base'])).toEqual([]);
  });

  it.each(cases)('%s', (name) => {
    const expected = JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8')) as Expected[];
    const problems = lintFolders([name, '_base']);
    const found = problems.map((problem) => ({ file: problem.file.replace(`${name}/`, ''), pointer: problem.pointer, code: problem.code }));
    expect(found).toEqual(expected);
    for (const problem of problems) {
      expect(problem.message['zh-CN'].length).toBeGreaterThan(0);
      expect(problem.message.en?.length ?? 0).toBeGreaterThan(0);
    }
  });

  it('covers every generic rule and document-level code', () => {
    const covered = new Set(
      cases.flatMap((name) => (JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8')) as Expected[]).map((entry) => entry.code)),
    );
    for (const code of [
      'json-syntax', 'not-an-object', 'unknown-kind', 'schema-invalid', 'duplicate-definition', 'unresolved-reference',
      'bundle-member-missing', 'bundle-inconsistent', 'form-schema-invalid', 'form-schema-unknown-keyword', 'form-scope-unresolved',
      'expression-invalid', 'form-i18n-key-unresolved', 'label-missing-en', 'label-missing-zh', 'form-field-unlabelled',
      'service-item-active-range', 'station-type-rooms-overlap',
    ]) {
      expect(covered, code).toContain(code);
    }
  });
});
