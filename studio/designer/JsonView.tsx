import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Space, Typography } from 'antd';
import { definitionSchemas, isDefinitionKind } from '../../runtime/schema/kinds';
import { useT } from './i18n';
import { PageLoading } from '../shell/guards';
import type { DefinitionBody } from './designer-api';
import { loadJsonSchema } from './json/load-json-schema';
import type { JsonSchemaNode } from './json/schema-nav';

// CodeMirror and the kind's JSON Schema load only when someone opens the JSON tab.
const JsonEditor = lazy(() => import('./json/JsonEditor'));

/**
 * The definition as JSON for integrators: completion from the kind's published JSON Schema, problems
 * marked where they are, and edits applied only when they parse and pass the kind's zod schema (the
 * same one the server and the linter use).
 */
export function JsonView({ kind, body, onApply, onPendingChange }: { kind: string; body: DefinitionBody; onApply(body: DefinitionBody): void; onPendingChange?(pending: boolean): void }) {
  const t = useT();
  // Once per body, not per keystroke: a workflow's JSON runs to tens of kilobytes.
  const applied = useMemo(() => JSON.stringify(body, null, 2), [body]);
  const [text, setText] = useState(applied);
  const [issues, setIssues] = useState<string[]>([]);
  const [schema, setSchema] = useState<JsonSchemaNode | null>();
  // On every new body, even one that serialises the same (an applied reformatting leaves nothing pending).
  useEffect(() => setText(applied), [applied, body]);
  // Text typed but not yet applied is an unsaved edit too: the page's leave guard must know of it.
  const pending = text !== applied;
  useEffect(() => {
    onPendingChange?.(pending);
  }, [pending, onPendingChange]);
  useEffect(() => () => onPendingChange?.(false), [onPendingChange]);
  useEffect(() => {
    let live = true;
    loadJsonSchema(kind).then((loaded) => live && setSchema(loaded ?? null), () => live && setSchema(null));
    return () => {
      live = false;
    };
  }, [kind]);
  const zodSchema = isDefinitionKind(kind) ? definitionSchemas[kind] : undefined;
  const check = (value: string): DefinitionBody | undefined => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch (error) {
      setIssues([t('designer.json.syntax', { detail: (error as Error).message })]);
      return undefined;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      setIssues([t('designer.json.notObject')]);
      return undefined;
    }
    if (zodSchema) {
      const result = zodSchema.safeParse(parsed);
      if (!result.success) {
        setIssues(result.error.issues.map((issue) => `/${issue.path.join('/')}: ${issue.message}`));
        return undefined;
      }
    }
    setIssues([]);
    return parsed as DefinitionBody;
  };
  return (
    <div data-json-view>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 6 }}>
        {t('designer.json.hint')}
      </Typography.Paragraph>
      {schema === undefined ? (
        <PageLoading />
      ) : (
        <Suspense fallback={<PageLoading />}>
          <JsonEditor value={text} onChange={setText} schema={schema ?? undefined} zodSchema={zodSchema} label={t('designer.json.label')} notObject={t('designer.json.notObject')} />
        </Suspense>
      )}
      <Space style={{ marginTop: 8 }}>
        <Button onClick={() => check(text) && setIssues([])}>{t('designer.json.validate')}</Button>
        <Button
          type="primary"
          onClick={() => {
            const next = check(text);
            if (next) onApply(next);
          }}
        >
          {t('designer.json.apply')}
        </Button>
      </Space>
      {issues.length > 0 ? <Alert type="error" showIcon style={{ marginTop: 8 }} title={<ul style={{ margin: 0 }}>{issues.slice(0, 20).map((i) => <li key={i}>{i}</li>)}</ul>} /> : null}
    </div>
  );
}
