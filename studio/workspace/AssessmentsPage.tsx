import { Alert, Button, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../i18n';
import { PageLoading } from '../shell/guards';
import { assessmentApi } from './assessment-api';
import { useLoad } from './use-load';
import { WorkspaceNav } from './WorkspaceNav';
import './workspace.css';

/** The assessments this person may see: their own unit's, or those they review. */
export default function AssessmentsPage() {
  const t = useT();
  const [list, reload] = useLoad((signal) => assessmentApi().list(signal), [], t);
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
              <li key={item.id} className="sj-ws-card" data-assessment={item.id}>
                <div className="sj-ws-row">
                  <Link to={`/workspace/assessments/${encodeURIComponent(item.id)}`}>
                    {item.orgUnitId} · {item.level}
                  </Link>
                  <span>
                    <Tag color="blue">{item.state}</Tag>
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
