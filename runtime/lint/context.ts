import type { DefinitionKind } from '../schema/kinds';
import type { LintContext, ParsedDefinition } from './types';

/**
 * Indexes parsed definitions by kind and key once, so each reference check is a map lookup rather
 * than a scan of the whole set (a district pack has hundreds of definitions, a province thousands).
 * `failed` names the documents that did not pass their schema, so references to them are not reported twice.
 */
export function createLintContext(definitions: readonly ParsedDefinition[], failed: Iterable<{ kind: DefinitionKind; key: string }> = []): LintContext {
  const failedIds = new Set([...failed].map(({ kind, key }) => `${kind}\u0000${key}`));
  const index = new Map<string, ParsedDefinition[]>();
  for (const parsed of definitions) {
    const id = `${parsed.kind}\u0000${parsed.definition.key}`;
    const versions = index.get(id);
    if (versions) versions.push(parsed);
    else index.set(id, [parsed]);
  }
  for (const versions of index.values()) versions.sort((a, b) => a.definition.version - b.definition.version || compareText(a.file, b.file));

  function find<K extends DefinitionKind>(kind: K, key: string): ParsedDefinition<K>[] {
    return (index.get(`${kind}\u0000${key}`) ?? []) as ParsedDefinition<K>[];
  }

  return {
    definitions,
    find,
    failedSchema: (kind, key) => failedIds.has(`${kind}\u0000${key}`),
    resolve(kind, key, version) {
      const versions = find(kind, key);
      if (version === undefined) return versions.at(-1);
      return versions.find((parsed) => parsed.definition.version === version);
    },
  };
}

/** Code-point order, independent of the host's locale, so output is identical on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
