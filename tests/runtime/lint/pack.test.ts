import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintDefinitions, summarize } from '../../../runtime/lint/lint';
import { loadDefinitions } from '../../../runtime/lint/load-definitions-node';
import { definitionKinds } from '../../../runtime/schema/kinds';

const repo = join(import.meta.dirname, '..', '..', '..');

describe('the Liangzhou pack', () => {
  const loaded = loadDefinitions(['definitions/liangzhou'], repo);
  const problems = [...loaded.problems, ...lintDefinitions(loaded.documents)];

  it('holds every kind of definition', () => {
    const kinds = new Set(loaded.documents.map((document) => (document.json as { kind?: string }).kind));
    expect([...kinds].sort()).toEqual([...definitionKinds].sort());
  });

  it('lints with zero errors and zero warnings', () => {
    // Compact lines make a failure readable: which file, where, what.
    const lines = problems.map((p) => `${p.file} ${p.pointer} ${p.code} ${p.message.en ?? p.message['zh-CN']}`);
    expect(lines).toEqual([]);
    expect(summarize(problems)).toMatchObject({ errors: 0, warnings: 0 });
  });
});
