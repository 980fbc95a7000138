/** The Liangzhou pack as the linter sees it, for checking that what the designer writes lints clean. */
import { lintDefinition, type DefinitionDocument, type Problem } from '../../../runtime/lint';
import { loadDefinitions } from '../../../runtime/lint/load-definitions-node';

const pack = loadDefinitions(['definitions/liangzhou']).documents;

export function packBody<T>(kind: string, key: string): T {
  const found = pack.find((d) => (d.json as { kind?: string; key?: string }).kind === kind && (d.json as { key?: string }).key === key);
  if (!found) throw new Error(`${kind}/${key} not in the pack`);
  return JSON.parse(JSON.stringify(found.json)) as T;
}

/** Errors only: the pack carries some warnings of its own. */
export function lintErrors(body: unknown): Problem[] {
  const document: DefinitionDocument = { file: 'draft.json', json: body };
  return lintDefinition(document, pack).filter((p) => p.severity === 'error');
}
