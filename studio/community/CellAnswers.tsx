import { Alert } from 'antd';
import { useT } from '../i18n';
import { PageLoading } from '../shell/guards';
import { useLoad } from '../workspace/use-load';
import { communityApi, type AggregateCell } from './community-api';
import { StatusBadge } from './StatusBadge';

/** The residents' own words behind one cell of the results (contact details masked unless the viewer administers the unit). */
export function CellAnswers({ surveyId, cell }: { surveyId: string; cell: AggregateCell }) {
  const t = useT();
  const [loaded] = useLoad((signal) => communityApi().responses(surveyId, { category: cell.category, orgUnitId: cell.orgUnitId, targetGroup: cell.targetGroup }, signal), [surveyId, cell.category, cell.orgUnitId, cell.targetGroup], t);
  if (loaded.status === 'loading') return <PageLoading />;
  if (loaded.status === 'failed') return <Alert type="error" showIcon title={loaded.message} />;
  return (
    <ul className="sj-ws-list" aria-label={t('cm.needs.answers')}>
      {loaded.value.items.map((answer) => (
        <li key={answer.id} className="sj-ws-card">
          <div className="sj-ws-row">
            <span>{answer.data.description ?? ''}</span>
            {answer.urgency === 'urgent' ? <StatusBadge tone="bad">{t('cm.needs.urgentOne')}</StatusBadge> : null}
          </div>
          <p className="sj-ws-meta">
            {answer.onBehalfOf === null ? t('cm.needs.answeredAt', { at: answer.answeredAt.slice(0, 10) }) : t('cm.needs.answeredFor', { at: answer.answeredAt.slice(0, 10), name: answer.onBehalfOf })}
            {answer.data.contactPhone ? ` · ${answer.data.contactPhone}` : ''}
          </p>
        </li>
      ))}
    </ul>
  );
}
