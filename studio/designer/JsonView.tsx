import { useEffect, useState } from 'react';
import { Alert, Button, Input, Space } from 'antd';
import { definitionSchemas, isDefinitionKind } from '../../runtime/schema/kinds';
import { useT } from '../i18n';
import type { DefinitionBody } from './designer-api';

/**
 * The definition as JSON for integrators: edits are checked against the kind's zod schema (the same one
 * the server and the linter use) and applied only when they parse and validate.
 */
export function JsonView({ kind, body, onApply }: { kind: string; body: DefinitionBody; onApply(body: DefinitionBody): void }) {
  const t = useT();
  const [text, setText] = useState(() => JSON.stringify(body, null, 2));
  const [issues, setIssues] = useState<string[]>([]);
  useEffect(() => setText(JSON.stringify(body, null, 2)), [body]);
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
    if (isDefinitionKind(kind)) {
      const result = definitionSchemas[kind].safeParse(parsed);
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
      <Input.TextArea aria-label={t('designer.json.label')} value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 16, maxRows: 40 }} style={{ fontFamily: 'monospace', fontSize: 12 }} spellCheck={false} />
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
