/**
 * Reads the Liangzhou pack from disk for the pack tests: every JSON file under definitions/liangzhou
 * with its path relative to the pack, its raw JSON and, when it parses, the parsed definition.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { definitionSchemas, isDefinitionKind, type DefinitionKind, type DefinitionOf } from '../../runtime/schema/kinds';

export const packDirectory = join(import.meta.dirname, '..', '..', 'definitions', 'liangzhou');

export interface PackFile {
  /** Path inside the pack in POSIX form, e.g. `forms/service-order.json`. */
  path: string;
  json: Record<string, unknown>;
}

export function readPack(): PackFile[] {
  const files: PackFile[] = [];
  const visit = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.json')) {
        files.push({ path: relative(packDirectory, path).split(sep).join('/'), json: JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown> });
      }
    }
  };
  visit(packDirectory);
  return files;
}

/** The parsed definitions of one kind, keyed by definition key; files that do not parse are left to the parse test. */
export function definitionsOf<K extends DefinitionKind>(files: readonly PackFile[], kind: K): Map<string, DefinitionOf<K>> {
  const out = new Map<string, DefinitionOf<K>>();
  for (const file of files) {
    if (file.json.kind !== kind || !isDefinitionKind(kind)) continue;
    const result = definitionSchemas[kind].safeParse(file.json);
    if (!result.success) continue;
    const parsed = result.data as DefinitionOf<K>;
    out.set(parsed.key, parsed);
  }
  return out;
}

/** The folder each kind lives in, as the pack's conventions say. */
export const folderOf: Partial<Record<DefinitionKind, string>> = {
  stationType: 'station-types',
  functionRoom: 'function-rooms',
  serviceCategory: 'service-categories',
  serviceItem: 'service-items',
  teamType: 'team-types',
  form: 'forms',
  workflow: 'workflows',
  rubric: 'rubrics',
};

/** Every `{ "zh-CN": … }` object anywhere in a document, with its JSON pointer. */
export function localizedTexts(node: unknown, pointer = ''): { pointer: string; text: Record<string, unknown> }[] {
  if (node === null || typeof node !== 'object') return [];
  if (Array.isArray(node)) return node.flatMap((child, index) => localizedTexts(child, `${pointer}/${index}`));
  const record = node as Record<string, unknown>;
  if (typeof record['zh-CN'] === 'string' && Object.keys(record).every((key) => key === 'zh-CN' || key === 'en')) {
    return [{ pointer, text: record }];
  }
  return Object.entries(record).flatMap(([key, child]) => localizedTexts(child, `${pointer}/${key}`));
}
