import type { Kysely } from 'kysely';
import { loadDefinitions } from '../../runtime/lint/load-definitions-node';
import { insertDefinition } from '../db/repositories/definition-repository';
import type { DefinitionDocument, Problem } from '../../runtime/lint/types';
import type { Database } from '../db/types';
import { hashOf } from '../util/canonical-json';
import { loadLinter } from '../definitions/linter';

/**
 * Lints the pack and publishes every definition in it. Refuses (throws, naming the first problems) when
 * the linter reports an error: a broken pack must never become the running configuration.
 */
export async function publishPack(db: Kysely<Database>, directory: string, at: string): Promise<number> {
  const { documents, problems: loadProblems } = loadDefinitions([directory]);
  const problems = [...loadProblems, ...(await lintOnce(documents))];
  if (problems.some((problem) => problem.severity === 'error')) {
    const first = problems.filter((problem) => problem.severity === 'error').slice(0, 5);
    throw new Error(`the definition pack has lint errors:\n${first.map((p) => `  ${p.file}${p.pointer} ${p.code}: ${p.message.en ?? p.message['zh-CN']}`).join('\n')}`);
  }
  let count = 0;
  for (const document of documents) {
    const json = document.json as { kind: string; key: string; version: number };
    await insertDefinition(db, { kind: json.kind, key: json.key, version: json.version, status: 'published', body: document.json, createdBy: 'system', at });
    count++;
  }
  return count;
}

const lintedPacks = new Map<string, Problem[]>();

/** The pack's problems, computed once per process for identical content (tests seed many databases). */
async function lintOnce(documents: DefinitionDocument[]): Promise<Problem[]> {
  const key = hashOf(documents);
  let problems = lintedPacks.get(key);
  if (problems === undefined) {
    problems = (await loadLinter()).lintDefinitions(documents);
    lintedPacks.set(key, problems);
  }
  return problems;
}
