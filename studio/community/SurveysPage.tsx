import { Alert, Button, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../i18n';
import { PageLoading } from '../shell/guards';
import { useLoad } from '../workspace/use-load';
import { WorkspaceNav } from '../workspace/WorkspaceNav';
import { communityApi } from './community-api';
import { StatusBadge } from './StatusBadge';
import './community.css';
import '../workspace/workspace.css';

/** The surveys asking my unit (residents, proxies), newest first; each opens its answering page. */
export default function SurveysPage() {
  const t = useT();
  const [loaded, reload] = useLoad((signal) => communityApi().surveys(signal), [], t);
  return (
    <section className="sj-ws sj-cm-phone">
      <WorkspaceNav />
      <Typography.Title level={1} className="sj-ws-h1">
        {t('cm.surveys.title')}
      </Typography.Title>
      {loaded.status === 'loading' ? <PageLoading /> : null}
      {loaded.status === 'failed' ? <Alert type="error" showIcon title={loaded.message} action={<Button onClick={reload}>{t('app.retry')}</Button>} /> : null}
      {loaded.status === 'ready' && loaded.value.items.length === 0 ? <p className="sj-ws-meta">{t('cm.surveys.empty')}</p> : null}
      {loaded.status === 'ready' ? (
        <ul className="sj-ws-list">
          {loaded.value.items.map((survey) => (
            <li key={survey.id} className="sj-ws-card">
              <div className="sj-ws-row">
                <Link to={`/surveys/${encodeURIComponent(survey.id)}`}>{survey.title}</Link>
                <StatusBadge tone={survey.open ? 'done' : 'muted'}>{t(survey.open ? 'cm.surveys.open' : 'cm.surveys.closed')}</StatusBadge>
              </div>
              <p className="sj-ws-meta">{t('cm.survey.period', { from: survey.opensAt.slice(0, 10), to: survey.closesAt.slice(0, 10) })}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
