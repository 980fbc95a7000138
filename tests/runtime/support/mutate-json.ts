/**
 * Valid definitions with one value replaced or removed somewhere, for the properties that check the linter
 * and the engine hold up against near-miss input (tests/runtime/lint/properties.test.ts,
 * tests/runtime/fuzz/generated-definitions.test.ts).
 */
import fc from 'fast-check';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value inside a JSON document, the document itself first. */
function pathsOf(value: Json, prefix: string[] = []): string[][] {
  const children = Array.isArray(value) ? value.map((child, index) => [String(index), child] as const) : value !== null && typeof value === 'object' ? Object.entries(value) : [];
  return [prefix, ...children.flatMap(([key, child]) => pathsOf(child, [...prefix, key]))];
}

/** A copy of `doc` with the value at `path` replaced, or removed when `replacement` is undefined. */
function mutate(doc: Json, path: readonly string[], replacement: Json | undefined): Json {
  if (path.length === 0) return replacement ?? null;
  const [head, ...rest] = path as [string, ...string[]];
  if (Array.isArray(doc)) {
    const copy = [...doc];
    if (rest.length === 0 && replacement === undefined) copy.splice(Number(head), 1);
    else copy[Number(head)] = mutate(copy[Number(head)] ?? null, rest, replacement);
    return copy;
  }
  if (doc === null || typeof doc !== 'object') return doc;
  const copy = { ...doc };
  if (rest.length === 0 && replacement === undefined) delete copy[head];
  else copy[head] = mutate(copy[head] ?? null, rest, replacement);
  return copy;
}

/** `json` with the value at the `pick`-th of its paths (modulo their number) replaced by `value`, or removed. */
export function mutateAt(json: unknown, pick: number, value: unknown): Json {
  const paths = pathsOf(json as Json);
  return mutate(json as Json, paths[pick % paths.length]!, value as Json | undefined);
}

/** `documents` with one value of one of them replaced (by small JSON) or removed. */
export function oneValueChanged<D extends { json: unknown }>(documents: readonly D[]): fc.Arbitrary<D[]> {
  return fc
    .record({ doc: fc.nat({ max: documents.length - 1 }), pick: fc.nat(), value: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }) })
    .map(({ doc, pick, value }) => documents.map((document, index) => (index === doc ? { ...document, json: mutateAt(document.json, pick, value) } : document)));
}
