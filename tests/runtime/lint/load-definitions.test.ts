import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDefinitions } from '../../../runtime/lint/load-definitions-node';

const root = mkdtempSync(join(tmpdir(), 'shijian-load-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const put = (path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};
put('pack/b/two.json', '{"n":2}');
put('pack/a/one.json', '{"n":1}');
put('pack/notes.md', '# not a definition');
put('pack/schemas/form.schema.json', '{"$id":"generated"}');
put('pack/broken.json', '{"n":');

describe('loadDefinitions', () => {
  it('reads *.json recursively in sorted order, skips schemas/ and other files, names files relative to cwd', () => {
    const { documents, problems } = loadDefinitions(['pack'], root);
    expect(documents).toEqual([
      { file: 'pack/a/one.json', json: { n: 1 } },
      { file: 'pack/b/two.json', json: { n: 2 } },
    ]);
    expect(problems.map((p) => [p.file, p.code])).toEqual([['pack/broken.json', 'json-syntax']]);
  });

  it('accepts single files and reports a missing path as a problem, not a crash', () => {
    const { documents, problems } = loadDefinitions(['pack/a/one.json', 'pack/missing'], root);
    expect(documents.map((d) => d.file)).toEqual(['pack/a/one.json']);
    expect(problems).toMatchObject([{ file: 'pack/missing', code: 'file-unreadable', severity: 'error' }]);
  });

  it('reads a file given twice once', () => {
    expect(loadDefinitions(['pack/a', 'pack/a/one.json'], root).documents).toHaveLength(1);
  });
});
