import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Table, Tag, Typography, message } from 'antd';
import { useParams } from 'react-router-dom';
import { compileRubric, scoreUnit } from '../../runtime/rubric/index';
import type { ReviewSheet } from '../../runtime/rubric/types';
import type { ReviewEntry } from '../../runtime/rubric/scoring-modes/types';
import type { RubricDefinition } from '../../runtime/schema/rubric';
import { createAttachmentUploader } from '../api/attachments';
import { useLocale, useT, type MessageKey, type Translate } from '../i18n';
import { PageLoading } from '../shell/guards';
import { useAuth } from '../auth/AuthContext';
import { ActionPanel, type SendCommand } from './ActionPanel';
import { FilePickButton } from './FilePickButton';
import { assessmentApi, type Assessment, type ReviewLevel } from './assessment-api';
import { loadWorkflow, workflowLabels } from './workflow-labels';
import { workspaceApi, type Instance } from './workspace-api';
import type { WorkflowDefinition } from '../../runtime/schema/workflow';
import { SelfItemEditor, type ItemScoring } from './SelfItemEditor';
import { AppealDecisionForm } from './assessment/AppealDecisionForm';
import { AppealForm } from './assessment/AppealForm';
import { AppealOutcome } from './assessment/AppealOutcome';
import { NextTier } from './assessment/NextTier';
import { appealOf, decisionOf } from './assessment/appeal-data';
import { useUserNames } from './records/user-names';
import { pick } from './text';
import { describeError, useLoad } from './use-load';
import { WorkspaceNav } from './WorkspaceNav';
import './workspace.css';

/** Which sheet is open for entry in each state; the server decides who may write it. */
const LEVEL_BY_STATE: Record<string, ReviewLevel> = { self_assessing: 'self', submitted: 'institute', district_review: 'district', appeal_review: 'amendment' };
const LEVEL_ROLES: Record<ReviewLevel, string[]> = { self: ['stationAdmin', 'instituteAdmin'], institute: ['instituteAdmin'], district: ['assessor'], amendment: ['districtLeader'] };
const COLUMN_TITLES: Record<ReviewLevel, MessageKey> = { self: 'ws.assess.self', institute: 'ws.assess.institute', district: 'ws.assess.district', amendment: 'ws.assess.amendment' };
// Appeal and decision have screens of their own below the result; the generic action panel leaves them out.
const APPEAL_EVENTS = new Set(['appeal', 'decide']);

async function loadAll(id: string, signal: AbortSignal) {
  const client = assessmentApi();
  const assessment = await client.get(id, signal);
  const [rubric, explanation] = await Promise.all([client.rubric(assessment.rubric.key, assessment.rubric.version), client.explanation(id, signal).catch(() => null)]);
  return { assessment, rubric: rubric.body, explanation };
}

/** A reviewer's entry in a few characters, so self, institute and district sit side by side on a row. */
function summarize(entry: ReviewEntry | undefined, t: Translate): string {
  if (!entry) return t('ws.assess.none');
  const parts: string[] = [];
  if (entry.met !== undefined) parts.push(entry.met ? '✓' : '✗');
  if (entry.grade !== undefined) parts.push(entry.grade);
  if (entry.value !== undefined) parts.push(String(entry.value));
  if (entry.ticked) parts.push(`${entry.ticked.length}✓`);
  if (typeof entry.defects === 'number') parts.push(`-${entry.defects}`);
  if (entry.evidence?.length) parts.push(t('ws.assess.evidence', { count: entry.evidence.length }));
  return parts.join(' ') || t('ws.assess.none');
}

function sendAssessmentCommand(id: string): SendCommand {
  return async (instance, command, key) => (await assessmentApi().command(id, instance.version, command, key)).instance;
}

interface Row {
  key: string;
  section: string;
  title: string;
  max: number;
  scoring: ItemScoring;
}

/** 自评 item by item with evidence and a running score; the reviewers' entries beside it; the explanation below. */
export default function AssessmentPage() {
  const t = useT();
  const { locale } = useLocale();
  const { id = '' } = useParams();
  const { state: auth } = useAuth();
  const [loaded, reload] = useLoad((signal) => loadAll(id, signal), [id], t);
  const [instance, setInstance] = useState<Instance | null>(null);
  const [workflow, setWorkflow] = useState<WorkflowDefinition | undefined>(undefined);
  const [sheet, setSheet] = useState<ReviewSheet | null>(null);
  const [saving, setSaving] = useState(false);
  const [toast, toastHolder] = message.useMessage();

  const rubric: RubricDefinition | undefined = loaded.status === 'ready' ? loaded.value.rubric : undefined;
  const assessment: Assessment | undefined = loaded.status === 'ready' ? loaded.value.assessment : undefined;
  const plan = useMemo(() => (rubric ? compileRubric(rubric) : undefined), [rubric]);
  const stateLevel = assessment ? LEVEL_BY_STATE[assessment.instance.state] : undefined;
  const level = stateLevel && auth.user?.roles.some((grant) => LEVEL_ROLES[stateLevel].includes(grant.role)) ? stateLevel : undefined;
  const stored = (which: ReviewLevel | undefined) =>
    !assessment || !which ? undefined : which === 'district' ? (assessment.reviews.district[auth.user?.id ?? ''] ?? assessment.reviews.district[auth.user?.username ?? '']) : (assessment.reviews[which] ?? undefined);
  const current = sheet ?? stored(level) ?? { items: {} };
  // The running score: the rubric engine run here on the frozen metrics, the stored sheets and the one being typed.
  const running = useMemo(() => {
    if (!plan || !assessment) return undefined;
    // The amendment merges into the district reading on the server; here the running score follows the unit's own sheets.
    const typed = level === 'amendment' ? undefined : level;
    const reviews = { self: assessment.reviews.self ?? undefined, institute: assessment.reviews.institute ?? undefined, [typed ?? 'self']: typed ? current : (assessment.reviews.self ?? undefined) };
    const clean = Object.fromEntries(Object.entries(reviews).filter(([, v]) => v !== undefined)) as Partial<Record<ReviewLevel, ReviewSheet>>;
    return scoreUnit(plan, { unitId: assessment.orgUnitId, ...(assessment.parentId ? { parentId: assessment.parentId } : {}), metrics: assessment.metrics, reviews: clean });
  }, [plan, assessment, current, level]);
  // The assessment's workflow instance carries the actions with their forms (submit, return, score, approve, appeal …).
  const instanceId = assessment?.instance.id;
  const instanceVersion = assessment?.instance.version;
  useEffect(() => {
    if (!instanceId) return;
    workspaceApi()
      .instance(instanceId)
      .then((next) => {
        setInstance(next);
        return loadWorkflow(next.workflow, next.workflowVersion).then(setWorkflow);
      })
      .catch(() => setInstance(null));
  }, [instanceId, instanceVersion]);
  const names = useUserNames(assessment ? Object.keys(assessment.reviews.district) : []);
  // On a phone the table scrolls sideways; its scroller must take keyboard focus to be scrolled without a mouse.
  const tableRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    tableRef.current?.querySelectorAll('.ant-table-content').forEach((scroller) => {
      scroller.setAttribute('tabindex', '0');
      scroller.setAttribute('role', 'region');
      scroller.setAttribute('aria-label', t('ws.assess.item'));
    });
  });

  if (loaded.status === 'loading') return <PageLoading />;
  if (loaded.status === 'failed' || !rubric || !assessment || !running) {
    return <Alert type="error" showIcon title={loaded.status === 'failed' ? loaded.message : t('app.loading')} action={<Button onClick={reload}>{t('app.retry')}</Button>} />;
  }
  const editable = level !== undefined;
  const tierTitle = (key: string) => pick(rubric.tiers.find((tier) => tier.key === key)?.title, locale, key);
  const explanation = loaded.value.explanation?.explanation;
  // Once the result stands and nobody here can change it, the page shows the points that counted (the
  // district's reading, the lower of two assessors). The running score follows the unit's own sheets,
  // which the result may have overruled: showing both read as two different scores.
  const settled = assessment.result !== null && assessment.result !== undefined && explanation !== undefined && !editable;
  const pointsOf = settled ? new Map(explanation.lines.flatMap((line) => (line.kind === 'item' ? [[line.item, line.points] as const] : []))) : new Map(running.items.map((item) => [item.key, item.points]));
  const rows: Row[] = rubric.sections.flatMap((section) =>
    section.items.map((item) => ({ key: item.key, section: pick(section.title, locale), title: pick(item.title, locale), max: item.points, scoring: item.scoring as unknown as ItemScoring })),
  );
  const setEntry = (key: string, entry: ReviewEntry) => setSheet({ ...current, items: { ...current.items, [key]: entry } });
  const upload = createAttachmentUploader({ orgUnitId: assessment.orgUnitId });
  const addEvidence = async (key: string, file: File) => {
    try {
      const stored = await upload(file, () => undefined);
      const entry = current.items?.[key] ?? {};
      setEntry(key, { ...entry, evidence: [...(entry.evidence ?? []), stored.id] });
    } catch (error) {
      void toast.error(describeError(error, t));
    }
  };
  const save = async () => {
    setSaving(true);
    try {
      const saved = await assessmentApi().saveReview(assessment.id, level ?? 'self', current);
      // The button is ready again by the time the confirmation shows.
      setSaving(false);
      setSheet(null);
      void toast.success(t('ws.assess.saved', { score: saved.current.score }));
      reload();
    } catch (error) {
      setSaving(false);
      void toast.error(describeError(error, t));
    }
  };
  const district = Object.entries(assessment.reviews.district);
  const labels = workflowLabels(workflow, locale, t);
  const titleOfItem = (key: string) => rows.find((row) => row.key === key)?.title ?? key;
  const appeal = instance ? appealOf(instance) : null;
  const decision = instance ? decisionOf(instance) : null;
  const can = (event: string) => instance?.availableActions.some((action) => action.event === event) ?? false;
  const columns: ReviewLevel[] = ['self', 'institute', 'district', ...(assessment.instance.state === 'appeal_review' || assessment.reviews.amendment ? (['amendment'] as const) : [])];
  const afterCommand = () => {
    setSheet(null);
    reload();
  };

  return (
    <section className="sj-ws">
      {toastHolder}
      <WorkspaceNav />
      <Typography.Title level={1} className="sj-ws-h1">
        {pick(rubric.title, locale)}
      </Typography.Title>
      <p className="sj-ws-meta" data-assessment-state={assessment.instance.state}>
        {t('ws.assess.state', { state: labels.state(assessment.instance.state) })}
      </p>
      {settled ? null : (
        <div className="sj-ws-card" role="status" aria-live="polite" data-running-score={running.score} style={{ position: 'sticky', top: 0, zIndex: 2, marginBottom: 12 }}>
          <strong>{t('ws.assess.running', { score: running.score, tier: tierTitle(running.tier.tier) })}</strong>
        </div>
      )}
      {assessment.result ? (
        <Alert type="success" showIcon data-result={assessment.result.tier} title={t('ws.assess.result', { tier: tierTitle(assessment.result.tier), score: assessment.result.score })} style={{ marginBottom: 12 }} />
      ) : null}
      {appeal ? <AppealOutcome appeal={appeal} decision={decision} titleOf={titleOfItem} /> : null}
      {instance && can('appeal') ? <AppealForm key={instance.version} assessmentId={assessment.id} orgUnitId={assessment.orgUnitId} instance={instance} items={rows.map((row) => ({ key: row.key, title: row.title }))} onDone={afterCommand} /> : null}
      {instance && can('decide') ? <AppealDecisionForm key={instance.version} assessmentId={assessment.id} instance={instance} amendmentSaved={assessment.reviews.amendment !== null} onDone={afterCommand} /> : null}
      {!editable ? <Alert type="info" showIcon title={t('ws.assess.readOnly')} style={{ marginBottom: 12 }} /> : null}
      <div ref={tableRef}>
      <Table<Row>
        size="small"
        pagination={false}
        scroll={{ x: 720 }}
        rowKey="key"
        dataSource={rows}
        columns={[
          { key: 'title', title: t('ws.assess.item'), render: (_, row) => <span data-item={row.key}><Tag>{row.key.toUpperCase()}</Tag>{row.title}</span> },
          ...columns.map((column) => ({
            key: column,
            title: t(COLUMN_TITLES[column]),
            render: (_: unknown, row: Row) => column !== level ? (column === 'district' ? (district.length === 0 ? t('ws.assess.none') : (
              <>
                {district.map(([reviewer, sheet]) => (
                  <div key={reviewer} data-reviewer={reviewer}>
                    {t('ws.assess.byReviewer', { name: names(reviewer) ?? t('ws.assess.assessor'), entry: summarize(sheet.items?.[row.key], t) })}
                  </div>
                ))}
              </>
            )) : summarize(assessment.reviews[column]?.items?.[row.key], t)) : (
              <div>
                <SelfItemEditor itemKey={row.key} title={row.title} scoring={row.scoring} entry={current.items?.[row.key]} disabled={!editable} onChange={(entry) => setEntry(row.key, entry)} />
                {editable ? (
                  <div style={{ marginTop: 4 }}>
                    <FilePickButton label={`${t('ws.assess.addEvidence')} ${row.key.toUpperCase()}`} accept="image/*,application/pdf" onPick={(file) => void addEvidence(row.key, file)} />
                  </div>
                ) : null}
                {current.items?.[row.key]?.evidence?.length ? <div className="sj-ws-meta">{t('ws.assess.evidence', { count: current.items[row.key]!.evidence!.length })}</div> : null}
              </div>
            ),
          })),
          { key: 'points', title: t('ws.assess.pointsHeader'), render: (_, row) => <span data-points={row.key}>{t('ws.assess.points', { points: pointsOf.get(row.key) ?? 0, max: row.max })}</span> },
        ]}
      />
      </div>
      {editable ? (
        <Button type="primary" style={{ marginTop: 12 }} loading={saving} onClick={() => void save()}>
          {t('ws.assess.save')}
        </Button>
      ) : null}
      {instance ? (
        <section aria-labelledby="ws-assess-actions" style={{ marginTop: 16 }}>
          <Typography.Title level={2} className="sj-ws-h2" id="ws-assess-actions">
            {t('ws.instance.actions')}
          </Typography.Title>
          <ActionPanel key={instance.version} instance={{ ...instance, availableActions: instance.availableActions.filter((action) => !APPEAL_EVENTS.has(action.event)) }} labels={labels} send={sendAssessmentCommand(assessment.id)} onDone={(next, text) => {
            void (next ? toast.success(text) : toast.warning(text));
            reload();
          }} />
        </section>
      ) : null}
      {explanation ? (
        <section aria-labelledby="ws-explanation" className="sj-ws-card" style={{ marginTop: 16 }}>
          <Typography.Title level={2} className="sj-ws-h2" id="ws-explanation">
            {t('ws.assess.explanation')}
          </Typography.Title>
          <p data-decision>{pick(explanation.decision.text, locale)}</p>
          {explanation.next ? <NextTier next={explanation.next} rubric={rubric} /> : null}
        </section>
      ) : null}
    </section>
  );
}
