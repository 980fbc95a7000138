import { Alert, Button, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../api/client';
import { useLocale, useT } from '../i18n';
import { PageLoading } from '../shell/guards';
import { assessmentApi } from './assessment-api';
import { useLoad } from './use-load';
import { loadWorkflow, workflowLabels } from './workflow-labels';
import { WorkspaceNav } from './WorkspaceNav';
import './workspace.css';

/** States where a unit's result is contested or open to contest, flagged in the list. */
const APPEAL_STATES = new Set(['public_notice', 'appeal_review']);

async function loadList(signal: AbortSignal) {
  const [list, units, workflow] = await Promise.all([
    assessmentApi().list(signal),
    // Unit names for the list; without them the ids still identify the units.
    api.get<{ items: { id: string; name: string }[] }>('/api/org-units', { signal }).catch(() => ({ items: [] })),
    loadWorkflow('assessment').catch(() => undefined),
  ]);
  return { items: list.items, unitNames: new Map(units.items.map((unit) => [unit.id, unit.name])), workflow };
}

/** The assessments this person may see: their own unit's, or those they review. */
export default function AssessmentsPage() {
  const t = useT();
  const { locale } = useLocale();
  const [list, reload] = useLoad(loadList, [], t);
  const labels = workflowLabels(list.status === 'ready' ? list.value.workflow : undefined, locale, t);
  return (
    <section className="sj-ws">
      <WorkspaceNav />
      <Typography.Title level={1} className="sj-ws-h1">
        {t('ws.assess.title')}
      </Typography.Title>
      {list.status === 'loading' ? <PageLoading /> : null}
      {list.status === 'failed' ? <Alert type="error" showIcon title={list.message} action={<Button onClick={reload}>{t('app.retry')}</Button>} /> : null}
      {list.status === 'ready' && list.value.items.length === 0 ? <p>{t('ws.assess.empty')}</p> : null}
      <ul className="sj-ws-list">
        {list.status === 'ready'
          ? list.value.items.slice(0, 200).map((item) => (
              <li key={item.id} className="sj-ws-card" data-assessment={item.id} data-state={item.state}>
                <div className="sj-ws-row">
                  <Link to={`/workspace/assessments/${encodeURIComponent(item.id)}`}>
                    {t('ws.assess.unitLevel', { unit: list.value.unitNames.get(item.orgUnitId) ?? item.orgUnitId, level: item.level === 'institute' ? t('ws.assess.levelInstitute') : t('ws.assess.levelStation') })}
                  </Link>
                  <span>
                    <Tag color={APPEAL_STATES.has(item.state) ? 'orange' : 'blue'}>{labels.state(item.state)}</Tag>
                    {item.score !== null ? <Tag>{t('ws.assess.score', { score: item.score })}</Tag> : null}
                  </span>
                </div>
              </li>
            ))
          : null}
      </ul>
    </section>
  );
}
