import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { genericRules } from '../../../runtime/lint/registry';

const readme = readFileSync(join(import.meta.dirname, '..', '..', '..', 'runtime', 'lint', 'README.md'), 'utf8');

describe('runtime/lint/README.md', () => {
  it('documents every generic rule and every document-level code', () => {
    const codes = [
      ...genericRules.map((rule) => rule.name),
      'json-syntax', 'file-unreadable', 'not-an-object', 'unknown-kind', 'schema-invalid', 'internal-error', 'form-schema-unknown-keyword',
    ];
    for (const code of codes) expect(readme, code).toContain(`| \`${code}\` |`);
  });
});
