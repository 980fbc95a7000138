/**
 * CodeMirror pieces of the schema-aware JSON view: completion of property names and enum values from
 * the kind's published JSON Schema, and lint diagnostics at the place of each problem — JSON syntax,
 * then the kind's zod schema (the one the server and the linter use; the JSON Schema is generated from it).
 */
import { pickedCompletion, type Completion, type CompletionContext, type CompletionResult, type CompletionSource } from '@codemirror/autocomplete';
import { jsonLanguage } from '@codemirror/lang-json';
import type { Diagnostic } from '@codemirror/lint';
import type { EditorState, Text, TransactionSpec } from '@codemirror/state';
import type { z } from 'zod';
import { contextAt } from './json-context';
import { propertiesAt, valuesAt, type JsonSchemaNode, type PathSegment } from './schema-nav';

/**
 * The change a picked completion makes: the typed text up to the cursor is replaced, and so is a closing
 * quote right after it (closeBrackets put it there), so `"ta|"` becomes `"tags": []` and not `"tags": []"`.
 */
export function completionChange(state: EditorState, completion: Completion, insert: string, from: number, to: number): TransactionSpec {
  const end = state.sliceDoc(to, to + 1) === '"' ? to + 1 : to;
  return { changes: { from, to: end, insert }, selection: { anchor: from + insert.length }, userEvent: 'input.complete', annotations: pickedCompletion.of(completion) };
}

const applying =
  (insert: string): Completion['apply'] =>
  (view, completion, from, to) =>
    view.dispatch(completionChange(view.state, completion, insert, from, to));

/** Property names and enum values the schema allows at the cursor. */
export function schemaCompletionSource(schema: JsonSchemaNode): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const text = context.state.doc.toString();
    const at = contextAt(text, context.pos);
    if (!at) return null;
    // Unprompted completion only once something is typed or a quote opened; Ctrl-Space always.
    if (!context.explicit && at.from === context.pos) return null;
    const options: Completion[] = [];
    // Completing before another property or element: the comma between them comes with it.
    const comma = /^\s*["{[\dtfn-]/.test(text.slice(at.to)) ? ',' : '';
    // Inside an opened key the match starts after its quote, so what is typed matches the bare name.
    const inQuotes = at.kind === 'key' && at.from < context.pos && text[at.from] === '"';
    if (at.kind === 'key') {
      for (const property of propertiesAt(schema, at.path, at.present, at.knownAlong)) {
        options.push({
          label: property.name,
          apply: applying(`${inQuotes ? '' : '"'}${property.name}": ${property.template}${comma}`),
          type: 'property',
          detail: property.required ? '*' : undefined,
          info: property.description,
          boost: property.required ? 1 : 0,
        });
      }
    } else {
      for (const value of valuesAt(schema, at.path, at.knownAlong)) {
        const literal = JSON.stringify(value);
        options.push({ label: literal, apply: applying(`${literal}${comma}`), type: typeof value === 'string' ? 'enum' : 'keyword' });
      }
    }
    if (options.length === 0) return null;
    // Options are matched against what is typed up to the cursor (a value's opening quote included).
    return { from: inQuotes ? at.from + 1 : at.from, to: context.pos, options, filter: true, validFor: /^"?[\w\-.#@$]*$/ };
  };
}

// ---- positions of problems ------------------------------------------------------------------------

/** A node of the JSON syntax tree (lezer's SyntaxNode, named without depending on @lezer/common). */
type SyntaxNode = ReturnType<typeof jsonLanguage.parser.parse>['topNode'];

const valueNodes = new Set(['Object', 'Array', 'String', 'Number', 'True', 'False', 'Null']);
const values = (node: SyntaxNode) => {
  const found: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) if (valueNodes.has(child.name)) found.push(child);
  return found;
};

function propertyOf(object: SyntaxNode, name: string, doc: Text): SyntaxNode | undefined {
  for (let property = object.firstChild; property; property = property.nextSibling) {
    if (property.name !== 'Property') continue;
    const key = property.getChild('PropertyName');
    if (!key) continue;
    try {
      if (JSON.parse(doc.sliceString(key.from, key.to)) === name) return property;
    } catch {
      // A broken key never matches.
    }
  }
  return undefined;
}

/**
 * The range a JSON path points at: the value there; for a missing property, its object's opening
 * brace; for an unknown key, the key itself (`key` names it).
 */
export function rangeOfPath(doc: Text, path: readonly PathSegment[], key?: string): { from: number; to: number } {
  const tree = jsonLanguage.parser.parse(doc.toString());
  let node: SyntaxNode | undefined = values(tree.topNode)[0];
  if (!node) return { from: 0, to: Math.min(1, doc.length) };
  for (const segment of path) {
    let next: SyntaxNode | undefined;
    if (node.name === 'Object' && typeof segment === 'string') {
      const property = propertyOf(node, segment, doc);
      next = property ? values(property)[0] : undefined;
    } else if (node.name === 'Array' && typeof segment === 'number') next = values(node)[segment];
    if (!next) return { from: node.from, to: node.name === 'Object' || node.name === 'Array' ? node.from + 1 : node.to };
    node = next;
  }
  if (key !== undefined && node.name === 'Object') {
    const property = propertyOf(node, key, doc);
    const name = property?.getChild('PropertyName');
    if (name) return { from: name.from, to: name.to };
  }
  // A whole object or array is too much to underline: mark its opening bracket.
  return node.name === 'Object' || node.name === 'Array' ? { from: node.from, to: node.from + 1 } : { from: node.from, to: node.to };
}

/** The offset a JSON.parse error names, where the engine says one. */
function syntaxErrorOffset(message: string, doc: Text): number {
  const position = /position (\d+)/.exec(message);
  if (position) return Math.min(Number(position[1]), doc.length);
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) {
    const line = doc.line(Math.min(Number(lineColumn[1]), doc.lines));
    return Math.min(line.from + Number(lineColumn[2]) - 1, line.to);
  }
  // Newer engines name no place: the syntax tree's first error node is where parsing went wrong.
  let at = doc.length;
  jsonLanguage.parser.parse(doc.toString()).iterate({
    enter(node) {
      if (at !== doc.length) return false;
      if (node.type.isError) {
        at = node.from;
        return false;
      }
      return undefined;
    },
  });
  return at;
}

/** Diagnostics for a document: a syntax error where it is, else each schema issue at its path. */
export function schemaDiagnostics(doc: Text, schema: z.ZodType | undefined, notObject: string): Diagnostic[] {
  const text = doc.toString();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const at = syntaxErrorOffset((error as Error).message, doc);
    return [{ from: at, to: Math.min(at + 1, doc.length), severity: 'error', message: (error as Error).message, source: 'JSON' }];
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return [{ from: 0, to: Math.min(1, doc.length), severity: 'error', message: notObject, source: 'JSON' }];
  if (!schema) return [];
  const result = schema.safeParse(parsed);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
    const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    const range = rangeOfPath(doc, path, key);
    return { ...range, severity: 'error', message: `/${path.join('/')}: ${issue.message}`, source: 'schema' } satisfies Diagnostic;
  });
}
