import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintDefinitions } from '../../../runtime/lint/index';
import type { DefinitionDocument } from '../../../runtime/lint/index';
import { workflowRules } from '../../../runtime/lint/rules/workflow/index';

const root = join(import.meta.dirname, '../../..');
const formsDir = join(root, 'definitions/liangzhou/forms');
const forms: DefinitionDocument[] = readdirSync(formsDir).map((f) => ({ file: `forms/${f}`, json: JSON.parse(readFileSync(join(formsDir, f), 'utf8')) }));
const brokenDir = join(root, 'tests/fixtures/workflow/broken');
const cases = readdirSync(brokenDir).filter((f) => f.endsWith('.json')).sort();

interface BrokenCase {
  why: string;
  definition: unknown;
  expected: { pointer: string; code: string }[];
}

function lintWorkflow(json: unknown, file = 'workflows/case.json') {
  return lintDefinitions([...forms, { file, json }]).filter((p) => p.file === file);
}

describe('workflow lint rules', () => {
  it('the Liangzhou workflows lint clean', () => {
    for (const key of ['five-order', 'assessment']) {
      const json = JSON.parse(readFileSync(join(root, `definitions/liangzhou/workflows/${key}.json`), 'utf8')) as unknown;
      expect(lintWorkflow(json, `workflows/${key}.json`)).toEqual([]);
    }
  });

  it('every workflow rule has at least one broken fixture', () => {
    const codes = new Set(cases.flatMap((file) => (JSON.parse(readFileSync(join(brokenDir, file), 'utf8')) as BrokenCase).expected.map((e) => e.code)));
    expect(workflowRules.map((rule) => rule.name).filter((name) => !codes.has(name))).toEqual([]);
  });

  it.each(cases)('%s', (file) => {
    const broken = JSON.parse(readFileSync(join(brokenDir, file), 'utf8')) as BrokenCase;
    const problems = lintWorkflow(broken.definition);
    expect(problems.map((p) => ({ pointer: p.pointer, code: p.code }))).toEqual(broken.expected);
    for (const problem of problems) {
      expect(problem.message['zh-CN'].length).toBeGreaterThan(0);
      expect(problem.message.en?.length ?? 0).toBeGreaterThan(0);
    }
  });
});
