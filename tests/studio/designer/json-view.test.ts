import { CompletionContext, type Completion } from '@codemirror/autocomplete';
import { json } from '@codemirror/lang-json';
import { EditorState, Text, type TransactionSpec } from '@codemirror/state';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { definitionSchemas } from '../../../runtime/schema/kinds';
import { contextAt } from '../../../studio/designer/json/json-context';
import { rangeOfPath, schemaCompletionSource, schemaDiagnostics } from '../../../studio/designer/json/json-support';
import { loadJsonSchema } from '../../../studio/designer/json/load-json-schema';
import { propertiesAt, valuesAt, type JsonSchemaNode } from '../../../studio/designer/json/schema-nav';
import { packBody } from './pack';

const rubricSchema = (await loadJsonSchema('rubric'))!;
const workflowSchema = (await loadJsonSchema('workflow'))!;

/** The completion labels at the `|` in `text`, as the editor would offer them (Ctrl-Space). */
function complete(schema: JsonSchemaNode, marked: string) {
  const pos = marked.indexOf('|');
  const doc = marked.replace('|', '');
  const state = EditorState.create({ doc, selection: { anchor: pos }, extensions: [json()] });
  const result = schemaCompletionSource(schema)(new CompletionContext(state, pos, true));
  if (!result || !('options' in result)) return undefined;
  // What the document reads after picking each option, as the editor would apply it.
  const applied = result.options.map((option) => {
    let next = state;
    const view = { get state() { return next; }, dispatch: (spec: TransactionSpec) => (next = next.update(spec).state) };
    (option.apply as (view: unknown, completion: Completion, from: number, to: number) => void)(view, option, result.from, result.to ?? pos);
    return next.doc.toString();
  });
  return { from: result.from, to: result.to, labels: result.options.map((o) => o.label), apply: applied };
}

describe('where the cursor is', () => {
  test('key, value and array positions with their paths, in half-typed text', () => {
    expect(contextAt('{"sections": [{"items": [{"scoring": {"', 39)).toMatchObject({ kind: 'key', path: ['sections', 0, 'items', 0, 'scoring'], typed: '' });
    expect(contextAt('{"scoring": {"mode": "me', 24)).toMatchObject({ kind: 'value', path: ['scoring', 'mode'], typed: 'me', from: 21 });
    expect(contextAt('{"appliesTo": ["station", ', 26)).toMatchObject({ kind: 'value', path: ['appliesTo', 1] });
    expect(contextAt('{"a": 1, |"b": 2}'.replace('|', ''), 9)).toMatchObject({ kind: 'key', path: [], present: { a: 1, b: 2 } });
    // Right after a finished value nothing is completed.
    expect(contextAt('{"a": "x"', 9)).toBeUndefined();
  });

  test('never throws on any text and any cursor', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', ' ', 'a', '1', '\\', '\n'), maxLength: 40 }), fc.nat(), (text, n) => {
        const pos = n % (text.length + 1);
        const at = contextAt(text, pos);
        if (at) expect(at.from).toBeLessThanOrEqual(pos);
      }),
      { numRuns: 300 },
    );
  });
});

describe('completion from the published JSON Schema', () => {
  test('scoring modes at a rubric item’s mode, and the metric mode’s own properties once the mode is typed', () => {
    const modes = complete(rubricSchema, '{"sections": [{"items": [{"scoring": {"mode": "|"}}]}]}');
    expect(modes?.labels.sort()).toEqual(['"binary"', '"checklist"', '"deduction"', '"graded"', '"judgement"', '"metric"']);
    const metric = complete(rubricSchema, '{"sections": [{"items": [{"scoring": {"mode": "metric", |}}]}]}');
    expect(metric?.labels.sort()).toEqual(['metric', 'scale']);
    expect(metric?.apply).toContain('{"sections": [{"items": [{"scoring": {"mode": "metric", "scale": {}}}]}]}');
    // Before another property the comma comes with the completion.
    expect(complete(rubricSchema, '{|\n  "kind": "rubric"}')?.apply).toContain('{"tags": [],\n  "kind": "rubric"}');
    // A value typed inside closing quotes: the quote the editor added is replaced too.
    expect(complete(rubricSchema, '{"sections": [{"items": [{"scoring": {"mode": "me|"}}]}]}')?.apply).toContain('{"sections": [{"items": [{"scoring": {"mode": "metric"}}]}]}');
    const scale = complete(rubricSchema, '{"sections": [{"items": [{"scoring": {"mode": "metric", "scale": {"type": "|"}}}]}]}');
    expect(scale?.labels.sort()).toEqual(['"linear"', '"stepped"']);
  });

  test('a half-typed key is replaced through its closing quote, required keys first, present keys left out', () => {
    const result = complete(workflowSchema, '{"kind": "workflow", "st|"}');
    // The match starts after the opening quote, up to the cursor; picking replaces through the closing quote.
    expect(result?.from).toBe(22);
    expect(result?.to).toBe(24);
    expect(result?.apply).toContain('{"kind": "workflow", "states": {}}');
    expect(result?.labels).not.toContain('kind');
    expect(result?.labels).toEqual(expect.arrayContaining(['start', 'states', 'initial']));
    // Required properties come first (the editor then filters by what is typed).
    const required = propertiesAt(workflowSchema, [], { kind: 'workflow' }).map((p) => p.required);
    expect(required).toEqual([...required].sort((a, b) => Number(b) - Number(a)));
    const task = complete(workflowSchema, '{"states": {"x": {"task": {"kind": "anySign", |}}}}');
    expect(task?.labels).toEqual(expect.arrayContaining(['pool', 'transfer', 'addSigner', 'assignees']));
    expect(valuesAt(workflowSchema, ['states', 'x', 'task', 'addSigner', 0])).toEqual(['before', 'after']);
  });

  test('every object of the pack’s rubric is offered only properties the schema allows', () => {
    const body = packBody<Record<string, unknown>>('rubric', 'station-rubric');
    const item = (body.sections as { items: Record<string, unknown>[] }[])[0]!.items[0]!;
    const offered = propertiesAt(rubricSchema, ['sections', 0, 'items', 0], {});
    expect(offered.map((p) => p.name).sort()).toEqual(['description', 'evidence', 'key', 'points', 'scoring', 'title']);
    expect(offered.filter((p) => p.required).map((p) => p.name).sort()).toEqual(Object.keys(item).filter((k) => k !== 'evidence').sort());
  });
});

describe('diagnostics at the place of the problem', () => {
  test('a schema violation is underlined at its value; an unknown key at the key; valid text has none', () => {
    const body = packBody<Record<string, unknown>>('rubric', 'station-rubric');
    const ok = Text.of(JSON.stringify(body, null, 2).split('\n'));
    expect(schemaDiagnostics(ok, definitionSchemas.rubric, 'x')).toEqual([]);

    const broken = structuredClone(body) as { sections: { items: { scoring: { mode: string } }[] }[] } & Record<string, unknown>;
    broken.sections[0]!.items[0]!.scoring.mode = 'lottery';
    (broken as Record<string, unknown>).colour = 'red';
    const doc = Text.of(JSON.stringify(broken, null, 2).split('\n'));
    const diagnostics = schemaDiagnostics(doc, definitionSchemas.rubric, 'x');
    const at = (d: { from: number; to: number }) => doc.sliceString(d.from, d.to);
    expect(diagnostics.map(at)).toEqual(expect.arrayContaining(['"lottery"', '"colour"']));
    expect(diagnostics.find((d) => at(d) === '"lottery"')!.message).toMatch(/^\/sections\/0\/items\/0\/scoring\/mode/);
  });

  test('a syntax error is marked where the parser stopped, and a missing property at its object', () => {
    const doc = Text.of(['{', '  "a": 1,', '  "b": ]', '}']);
    const [syntax] = schemaDiagnostics(doc, undefined, 'x');
    expect(doc.lineAt(syntax!.from).number).toBe(3);
    const object = Text.of(['{"sections": [{"items": []}]}']);
    expect(rangeOfPath(object, ['sections', 0, 'points'])).toEqual({ from: 14, to: 15 });
    expect(schemaDiagnostics(Text.of(['[1]']), undefined, 'not an object')[0]!.message).toBe('not an object');
  });
});
