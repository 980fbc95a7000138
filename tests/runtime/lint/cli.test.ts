import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDefinitions } from '../../../runtime/lint/load-definitions-node';
import type { Problem } from '../../../runtime/lint/types';
import { definitionKinds } from '../../../runtime/schema/kinds';

const repo = join(import.meta.dirname, '..', '..', '..');
const run = promisify(execFile);

/** Runs the real CLI in a child process, as `npm run lint:definitions` does. */
async function lintCli(args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run('npx', ['tsx', 'runtime/lint/cli.ts', ...args], { cwd: repo, maxBuffer: 32 * 1024 * 1024 });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '' };
  }
}

const temp = mkdtempSync(join(tmpdir(), 'shijian-lint-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function copyPack(name: string): string {
  const target = join(temp, name);
  cpSync(join(repo, 'definitions', 'liangzhou'), target, { recursive: true });
  return target;
}

type Json = Record<string, unknown>;

/**
 * Breaks one file in a way its kind makes natural and returns where the fault is: a reference to a
 * missing key where the kind has one (every other file), otherwise the title's zh-CN removed.
 */
function breakFile(json: Json, index: number): { pointer: string; code: string } {
  const firstOf = (field: string) => (Array.isArray(json[field]) && (json[field] as unknown[]).length > 0 ? field : undefined);
  if (index % 2 === 0) {
    if (json.kind === 'serviceItem') return (json.category = 'no-such-category'), { pointer: '/category', code: 'unresolved-reference' };
    const list = json.kind === 'stationType' ? firstOf('requiredRooms') : json.kind === 'teamType' ? firstOf('serviceCategories') : undefined;
    if (list) return ((json[list] as unknown[])[0] = 'no-such-key'), { pointer: `/${list}/0`, code: 'unresolved-reference' };
    if (json.kind === 'bundle' && firstOf('members')) {
      ((json.members as Json[])[0]!).key = 'no-such-member';
      return { pointer: '/members/0', code: 'bundle-member-missing' };
    }
  }
  delete (json.title as Json)['zh-CN'];
  return { pointer: '/title/zh-CN', code: 'schema-invalid' };
}

describe('npm run lint:definitions', () => {
  it('exits 0 on the Liangzhou pack and prints a summary', async () => {
    const { code, stdout } = await lintCli([]);
    expect(stdout).toMatch(/0 error\(s\), 0 warning\(s\)/);
    expect(code).toBe(0);
  });

  it('exits 1 and names the file and JSON pointer of the fault in every broken pack file, of every kind', async () => {
    const copy = copyPack('broken');
    const { documents } = loadDefinitions([copy]);
    expect(new Set(documents.map((d) => (d.json as Json).kind))).toEqual(new Set(definitionKinds));
    const faults = documents.map((document, index) => {
      const json = structuredClone(document.json) as Json;
      const fault = breakFile(json, index);
      writeFileSync(document.file, `${JSON.stringify(json, null, 2)}\n`);
      return { file: document.file, ...fault };
    });

    const human = await lintCli([copy]);
    expect(human.code).toBe(1);
    for (const fault of faults) expect(human.stdout).toContain(`${fault.file}  ${fault.pointer}  error ${fault.code}`);

    const json = await lintCli([copy, '--json']);
    expect(json.code).toBe(1);
    const problems = JSON.parse(json.stdout) as Problem[];
    for (const fault of faults) {
      expect(problems, `${fault.file} ${fault.pointer}`).toContainEqual(expect.objectContaining({ file: fault.file, pointer: fault.pointer, code: fault.code, severity: 'error' }));
    }
  });

  it('reports invalid JSON with its line and column instead of crashing, and lints the other files', async () => {
    const copy = copyPack('syntax');
    const { documents } = loadDefinitions([copy]);
    const victim = documents[0]!.file;
    writeFileSync(victim, readFileSync(victim, 'utf8').replace('"key"', '"key" "'));
    const { code, stdout } = await lintCli([copy]);
    expect(code).toBe(1);
    expect(stdout).toMatch(new RegExp(`${victim.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}  \\(root\\)  error json-syntax  JSON 语法错误（第 \\d+ 行第 \\d+ 列）`));
    expect(stdout).toMatch(/error\(s\)/);
  });

  it('exits 0 when there are only warnings', async () => {
    const copy = copyPack('warning');
    const { documents } = loadDefinitions([copy]);
    const victim = documents.find((d) => (d.json as Json).kind === 'functionRoom') ?? documents[0]!;
    const json = structuredClone(victim.json) as Json;
    delete (json.title as Json).en;
    writeFileSync(victim.file, JSON.stringify(json));
    const { code, stdout } = await lintCli([victim.file]);
    expect(stdout).toContain(`${victim.file}  /title  warn  label-missing-en`);
    expect(code).toBe(0);
  });
});
