import { useEffect, useRef } from 'react';
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { bracketMatching, defaultHighlightStyle, foldGutter, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, linter } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import type { z } from 'zod';
import { schemaCompletionSource, schemaDiagnostics } from './json-support';
import type { JsonSchemaNode } from './schema-nav';

export interface JsonEditorProps {
  value: string;
  onChange(text: string): void;
  /** The kind's published JSON Schema, for completion; absent for kinds without one. */
  schema: JsonSchemaNode | undefined;
  /** The kind's zod schema, for diagnostics at the place of each problem. */
  zodSchema: z.ZodType | undefined;
  label: string;
  notObject: string;
}

const theme = EditorView.theme({
  '&': { fontSize: '12px', border: '1px solid #d9d9d9', borderRadius: '6px' },
  '&.cm-focused': { outline: '2px solid #1677ff' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', maxHeight: '70vh', minHeight: '320px' },
});

/**
 * CodeMirror 6 over the definition's JSON: completion from the JSON Schema, lint from the zod schema,
 * undo history, bracket closing. Its own lazy chunk: nobody downloads it until the JSON tab opens.
 */
export default function JsonEditor({ value, onChange, schema, zodSchema, label, notObject }: JsonEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView>(undefined);
  const latest = useRef(onChange);
  latest.current = onChange;

  useEffect(() => {
    if (!host.current) return;
    const created = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          foldGutter(),
          history(),
          indentOnInput(),
          bracketMatching(),
          closeBrackets(),
          highlightActiveLine(),
          json(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          autocompletion({ override: schema ? [schemaCompletionSource(schema)] : [], activateOnTyping: true }),
          linter((v) => schemaDiagnostics(v.state.doc, zodSchema, notObject), { delay: 300 }),
          lintGutter(),
          keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap, indentWithTab]),
          // An explicit tab stop: axe counts a contenteditable without tabindex as nothing to focus in the scroller.
          EditorView.contentAttributes.of({ 'aria-label': label, 'aria-multiline': 'true', tabindex: '0' }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) latest.current(update.state.doc.toString());
          }),
          theme,
        ],
      }),
    });
    view.current = created;
    return () => {
      created.destroy();
      view.current = undefined;
    };
    // The editor is created once per schema; text changes from outside go through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [schema, zodSchema]);

  useEffect(() => {
    const current = view.current;
    if (current && current.state.doc.toString() !== value) current.dispatch({ changes: { from: 0, to: current.state.doc.length, insert: value } });
  }, [value]);

  return <div ref={host} data-json-editor />;
}
