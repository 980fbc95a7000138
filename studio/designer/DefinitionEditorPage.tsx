import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ComponentType } from 'react';
import { Alert, Breadcrumb, Button, Card, Popconfirm, Space, Tabs, Tag, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../api/client';
import { useLocale, useT } from './i18n';
import { PageLoading } from '../shell/guards';
import { kindLabel } from './DefinitionBrowser';
import { designerApi, type DefinitionBody, type LintProblem, type StoredDefinitionRow } from './designer-api';
import { DiffPanel } from './DiffPanel';
import type { VisualEditorProps } from './editor-types';
import { JsonView } from './JsonView';
import { useLeaveGuard } from './leave-guard';
import { ProblemList } from './ProblemList';
import { localized } from './text';
import './designer.css';

// Each editor is its own chunk: a person editing a rubric never downloads the workflow diagram.
const editors: Partial<Record<string, ComponentType<VisualEditorProps>>> = {
  form: lazy(() => import('./form/FormDesigner')) as ComponentType<VisualEditorProps>,
  workflow: lazy(() => import('./workflow/WorkflowDesigner')) as ComponentType<VisualEditorProps>,
  rubric: lazy(() => import('./rubric/RubricDesigner')) as ComponentType<VisualEditorProps>,
  serviceItem: lazy(() => import('./menu/ServiceItemEditor')) as ComponentType<VisualEditorProps>,
  serviceCategory: lazy(() => import('./menu/ServiceCategoryEditor')) as ComponentType<VisualEditorProps>,
};

const LINT_DELAY_MS = 500;

/** Latest version of any status when none is asked for: the one an editor most likely wants. */
async function loadRow(kind: string, key: string, version: number | undefined): Promise<StoredDefinitionRow> {
  const client = designerApi();
  if (version !== undefined) return client.get(kind, key, version);
  const { items } = await client.list({ kind, key });
  const latest = items.reduce((best, row) => (row.version > best ? row.version : best), 0);
  return latest > 0 ? client.get(kind, key, latest) : client.get(kind, key);
}

/**
 * One definition: its visual editor (or the JSON view for kinds without one), live lint from the
 * server's linter, save as draft, publish, and a diff against other versions.
 */
export default function DefinitionEditorPage() {
  const t = useT();
  const { locale } = useLocale();
  const { kind = '', key = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const askedVersion = search.get('version') ? Number(search.get('version')) : undefined;
  const [row, setRow] = useState<StoredDefinitionRow>();
  const [body, setBody] = useState<DefinitionBody>();
  const [dirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<LintProblem[]>([]);
  const [busy, setBusy] = useState<'save' | 'publish'>();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [tab, setTab] = useState('visual');
  const lintSeq = useRef(0);
  const [jsonPending, setJsonPending] = useState(false);
  const leaveGuard = useLeaveGuard(dirty || jsonPending);

  useEffect(() => {
    let live = true;
    setError(undefined);
    loadRow(kind, key, askedVersion).then(
      (loaded) => {
        if (!live) return;
        setRow(loaded);
        setBody(loaded.body);
        setDirty(false);
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [kind, key, askedVersion]);

  // Live validation: the server runs runtime/lint against the published definitions around this one.
  useEffect(() => {
    if (!body) return;
    const seq = ++lintSeq.current;
    const timer = setTimeout(() => {
      designerApi()
        .lint(kind, key, body)
        .then((result) => seq === lintSeq.current && setProblems(result.problems))
        .catch(() => undefined);
    }, LINT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [kind, key, body]);

  const change = useCallback((next: DefinitionBody) => {
    setBody(next);
    setDirty(true);
  }, []);

  const save = async (): Promise<StoredDefinitionRow | undefined> => {
    if (!row || !body) return undefined;
    if (row.status === 'draft' && !dirty) return row;
    const client = designerApi();
    const saved = row.status === 'draft' ? await client.updateDraft(row, body) : await client.createDraft(kind, key, body);
    setRow(saved);
    setBody(saved.body);
    setDirty(false);
    if (saved.version !== askedVersion) setSearch({ version: String(saved.version) }, { replace: true });
    return saved;
  };

  const run = async (what: 'save' | 'publish') => {
    setBusy(what);
    setError(undefined);
    setNotice(undefined);
    try {
      const saved = await save();
      if (what === 'save') {
        if (saved) setNotice(t('designer.editor.saved', { version: saved.version }));
        return;
      }
      if (!saved) return;
      const published = await designerApi().publish(kind, key, saved.version);
      setRow(published);
      setBody(published.body);
      setNotice(t('designer.editor.publishedOk', { version: published.version }));
    } catch (e) {
      if (e instanceof ApiError && e.errors.length > 0) {
        setProblems(e.errors.map((fe) => ({ file: '', pointer: fe.pointer, code: fe.code, severity: 'error', message: typeof fe.message === 'string' ? { 'zh-CN': fe.message } : fe.message })));
      }
      setError(e instanceof ApiError ? (e.detail ?? e.title) : (e as Error).message);
    } finally {
      setBusy(undefined);
    }
  };

  const retire = async () => {
    if (!row) return;
    setError(undefined);
    try {
      const retired = await designerApi().retire(kind, key, row.version);
      setRow(retired);
      setNotice(t('designer.editor.retiredOk', { version: retired.version }));
    } catch (e) {
      setError(e instanceof ApiError ? (e.detail ?? e.title) : (e as Error).message);
    }
  };

  const Editor = editors[kind];
  const errors = useMemo(() => problems.filter((p) => p.severity === 'error').length, [problems]);
  if (error && !row) return <Alert type="error" showIcon title={error} />;
  if (!row || !body) return <PageLoading />;
  const statusText = dirty ? t('designer.editor.unsaved') : t(`designer.status.${row.status}`);

  return (
    <div data-editor={kind} className="sj-designer">
      {leaveGuard}
      <Breadcrumb items={[{ title: <Link to="/designer">{t('designer.browser.title')}</Link> }, { title: t(kindLabel(kind)) }, { title: key }]} style={{ marginBottom: 8 }} />
      <Card
        title={
          <Space wrap>
            <span>{localized(body.title, locale) || key}</span>
            <Tag data-version={row.version}>v{row.version}</Tag>
            <Tag color={dirty ? 'orange' : row.status === 'published' ? 'green' : 'gold'} data-status={dirty ? 'unsaved' : row.status}>
              {statusText}
            </Tag>
          </Space>
        }
        extra={
          <Space wrap>
            {row.status === 'published' && !dirty ? (
              <Popconfirm title={t('designer.editor.retireConfirm')} okText={t('designer.editor.retire')} cancelText={t('designer.editor.cancel')} onConfirm={() => void retire()}>
                <Button danger>{t('designer.editor.retire')}</Button>
              </Popconfirm>
            ) : null}
            <Button onClick={() => void run('save')} loading={busy === 'save'} disabled={!dirty && row.status === 'draft'}>
              {t('designer.editor.saveDraft')}
            </Button>
            <Button type="primary" onClick={() => void run('publish')} loading={busy === 'publish'} disabled={errors > 0 || (!dirty && row.status === 'published')}>
              {t('designer.editor.publish')}
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {row.status === 'published' && !dirty ? t('designer.editor.publishedHint') : t('designer.editor.draftHint')}
        </Typography.Paragraph>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} /> : null}
        {notice ? <Alert type="success" showIcon title={notice} style={{ marginBottom: 8 }} data-notice /> : null}
        <section aria-label={t('designer.lint.title')} style={{ marginBottom: 12 }}>
          <Typography.Text strong>{t('designer.lint.summary', { errors, warnings: problems.length - errors })}</Typography.Text>
          <ProblemList problems={problems} />
        </section>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            ...(Editor
              ? [
                  {
                    key: 'visual',
                    label: t('designer.editor.visual'),
                    children: (
                      <Suspense fallback={<PageLoading />}>
                        <Editor body={body} onChange={change} problems={problems} definitionKey={key} />
                      </Suspense>
                    ),
                  },
                ]
              : []),
            { key: Editor ? 'json' : 'visual', label: t('designer.editor.json'), children: <JsonView kind={kind} body={body} onApply={change} onPendingChange={setJsonPending} /> },
            { key: 'diff', label: t('designer.editor.diff'), children: <DiffPanel kind={kind} definitionKey={key} current={row.version} /> },
          ]}
        />
      </Card>
    </div>
  );
}
