import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintDefinitions } from '../../../runtime/lint/lint';
import { rubricRules } from '../../../runtime/lint/rules/rubric/index';
import { fixture } from './helpers';

/**
 * Each file in tests/fixtures/rubric/broken/ is the valid fixture rubric with one fault; linted alone it must
 * give exactly the problems broken-expected.json lists for it (code and JSON pointer).
 */
const folder = fileURLToPath(new URL('../../fixtures/rubric/broken/', import.meta.url));
const cases = readdirSync(folder).filter((file) => file.endsWith('.json')).map((file) => file.slice(0, -5)).sort();
const expected = fixture('broken-expected.json') as Record<string, { code: string; pointer: string }[]>;

function lint(name: string, json: unknown) {
  return lintDefinitions([{ file: `${name}.json`, json }]).map(({ code, pointer }) => ({ code, pointer }));
}

describe('rubric lint rules', () => {
  it('lint the valid fixture rubric clean', () => {
    expect(lint('valid', fixture('valid-rubric.json'))).toEqual([]);
  });

  it('cover every broken fixture with an expectation, and the other way round', () => {
    expect(cases).toEqual(Object.keys(expected).sort());
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  it.each(cases)('%s', (name) => {
    const problems = lint(name, fixture(`broken/${name}.json`));
    const sort = (list: { code: string; pointer: string }[]) => [...list].sort((a, b) => (a.pointer + a.code < b.pointer + b.code ? -1 : 1));
    expect(sort(problems)).toEqual(sort(expected[name]!));
  });

  it('give bilingual messages and are listed once each', () => {
    const names = rubricRules.map((rule) => rule.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of cases) {
      for (const problem of lintDefinitions([{ file: 'x.json', json: fixture(`broken/${name}.json`) }])) {
        expect(problem.message['zh-CN'], `${name} ${problem.code}`).toBeTruthy();
        if (problem.code.startsWith('rubric')) expect(problem.message.en, `${name} ${problem.code}`).toBeTruthy();
      }
    }
  });

  it('warn when a station type names a rubric written for another level', () => {
    const root = fileURLToPath(new URL('../../../definitions/liangzhou/', import.meta.url));
    const read = (file: string) => ({ file, json: JSON.parse(readFileSync(root + file, 'utf8')) as Record<string, unknown> });
    const station = read('station-types/station.json');
    const rubrics = [read('rubrics/station-rubric.json'), read('rubrics/institute-rubric.json')];
    const appliesTo = (documents: { file: string; json: unknown }[]) =>
      lintDefinitions(documents).filter((problem) => problem.code === 'rubric-applies-to').map(({ file, pointer }) => ({ file, pointer }));
    expect(appliesTo([station, ...rubrics])).toEqual([]);
    expect(appliesTo([{ ...station, json: { ...station.json, rubric: 'institute-rubric' } }, ...rubrics])).toEqual([{ file: 'station-types/station.json', pointer: '/rubric' }]);
  });
});
