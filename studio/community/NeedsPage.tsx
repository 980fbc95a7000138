import { useState } from 'react';
import { Alert, Button, Drawer, Popconfirm, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { hasAnyRole } from '../api/endpoints';
import { useAuth } from '../auth/AuthContext';
import { useT } from '../i18n';
import { PageLoading } from '../shell/guards';
import { describeError, useLoad } from '../workspace/use-load';
import { WorkspaceNav } from '../workspace/WorkspaceNav';
import { AggregateView } from './AggregateView';
import { communityApi, type Survey } from './community-api';
import { ProposalsTable } from './ProposalsTable';
import { PublishSurveyForm } from './PublishSurveyForm';
import { StatusBadge } from './StatusBadge';
import { NEEDS_STAFF_ROLES, SURVEY_PUBLISHER_ROLES } from './roles';
import './community.css';
import '../workspace/workspace.css';

async function loadNeeds(signal: AbortSignal) {
  const client = communityApi();
  const [surveys, units] = await Promise.all([client.surveys(signal), client.units(signal)]);
  return { surveys: surveys.items, units: units.items };
}

/** Staff: publish needs surveys, read their results by category × unit × target group, and propose menu items (制单). */
export default function NeedsPage() {
  const t = useT();
  const { state } = useAuth();
  const [loaded, reload] = useLoad(loadNeeds, [], t);
  const [selected, setSelected] = useState<string>();
  const [publishing, setPublishing] = useState(false);
  const [proposals, setProposals] = useState(0);
  const mayPublish = hasAnyRole(state.user, SURVEY_PUBLISHER_ROLES);
  const [closeError, setCloseError] = useState<string>();
  const close = async (survey: Survey) => {
    setCloseError(undefined);
    try {
      await communityApi().closeSurvey(survey.id, survey.version);
      reload();
    } catch (error) {
      setCloseError(describeError(error, t));
    }
  };
  const adminUnits = (state.user?.roles ?? []).filter((grant) => NEEDS_STAFF_ROLES.includes(grant.role)).map((grant) => ({ id: grant.orgUnitId, name: grant.orgUnitName }));

  return (
    <section className="sj-ws">
      <WorkspaceNav />
      <div className="sj-ws-row">
        <Typography.Title level={1} className="sj-ws-h1">
          {t('cm.needs.title')}
        </Typography.Title>
        {mayPublish ? (
          <Button type="primary" onClick={() => setPublishing(true)}>
            {t('cm.needs.publishTitle')}
          </Button>
        ) : null}
      </div>
      {loaded.status === 'loading' ? <PageLoading /> : null}
      {loaded.status === 'failed' ? <Alert type="error" showIcon title={loaded.message} action={<Button onClick={reload}>{t('app.retry')}</Button>} /> : null}
      {loaded.status === 'ready' ? (
        <>
          {closeError ? <Alert type="error" showIcon title={closeError} style={{ marginBottom: 8 }} /> : null}
          <Table<Survey>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={loaded.value.surveys}
            locale={{ emptyText: t('cm.surveys.empty') }}
            columns={[
              { title: t('cm.needs.surveyTitle'), dataIndex: 'title', render: (title: string, survey) => <button type="button" aria-pressed={survey.id === selected} className={`sj-cm-linkbutton${survey.id === selected ? ' sj-cm-current' : ''}`} onClick={() => setSelected(survey.id)}>{title}</button> },
              { title: t('cm.needs.period'), key: 'period', render: (_: unknown, survey) => `${survey.opensAt.slice(0, 10)} ~ ${survey.closesAt.slice(0, 10)}` },
              { title: t('cm.needs.status'), key: 'status', render: (_: unknown, survey) => <StatusBadge tone={survey.open ? 'done' : 'muted'}>{t(survey.open ? 'cm.surveys.open' : 'cm.surveys.closed')}</StatusBadge> },
              { title: t('cm.needs.answerLink'), key: 'answer', render: (_: unknown, survey) => <Link to={`/surveys/${encodeURIComponent(survey.id)}`}>{t('cm.needs.answerLink')}</Link> },
              {
                title: t('cm.needs.close'),
                key: 'close',
                render: (_: unknown, survey) =>
                  mayPublish && survey.open ? (
                    <Popconfirm title={t('cm.needs.closeConfirm')} okText={t('cm.needs.close')} cancelText={t('cm.needs.keepOpen')} onConfirm={() => void close(survey)}>
                      <Button size="small">{t('cm.needs.close')}</Button>
                    </Popconfirm>
                  ) : null,
              },
            ]}
          />
          {selected ? <AggregateView key={selected} surveyId={selected} adminUnits={adminUnits} onProposed={() => setProposals((n) => n + 1)} /> : <p className="sj-ws-meta sj-cm-section">{t('cm.needs.pickSurvey')}</p>}
          <ProposalsTable key={proposals} />
          <Drawer open={publishing} onClose={() => setPublishing(false)} title={t('cm.needs.publishTitle')} size="large" destroyOnHidden>
            <PublishSurveyForm
              units={loaded.value.units}
              onPublished={(survey) => {
                setPublishing(false);
                setSelected(survey.id);
                reload();
              }}
            />
          </Drawer>
        </>
      ) : null}
    </section>
  );
}
