import { Alert, Tag } from 'antd';
import { useT } from '../i18n';
import { useUserNames } from './records/user-names';
import { BUSY_ABOVE, percent, rankForDispatch, teamsWithStats } from './team-stats';
import { useLoad } from './use-load';

/**
 * The teams a dispatcher may choose, least busy first, each with its load and record as the server counts
 * them; `unit` narrows to the teams able to serve that unit.
 */
export function TeamBoard({ unit }: { unit?: string } = {}) {
  const t = useT();
  const [board] = useLoad(async (signal) => rankForDispatch((await teamsWithStats(undefined, unit, signal)).items), [unit], t);
  const names = useUserNames(board.status === 'ready' ? board.value.flatMap((team) => (team.leaderUserId ? [team.leaderUserId] : [])) : []);
  if (board.status === 'loading') return null;
  if (board.status === 'failed') return <Alert type="warning" showIcon title={board.message} />;
  return (
    <section aria-label={t('ws.dispatch.teams')} style={{ marginBottom: 12 }}>
      <strong>{t('ws.dispatch.teams')}</strong>
      <ul className="sj-ws-list" style={{ marginTop: 8 }}>
        {board.value.map((team) => {
          const { stats } = team;
          const leader = team.leaderUserId ? names(team.leaderUserId) : undefined;
          return (
            <li key={team.id} className="sj-ws-card" data-team={team.id} data-open-orders={stats.openOrders}>
              <div className="sj-ws-row">
                <span>{team.name}</span>
                <span>
                  <Tag>{t('ws.dispatch.members', { count: team.memberCount })}</Tag>
                  <Tag className={stats.openOrders > BUSY_ABOVE ? 'sj-ws-tag-warn' : 'sj-ws-tag-ok'}>{t('ws.dispatch.load', { count: stats.openOrders })}</Tag>
                </span>
              </div>
              <div className="sj-ws-meta" style={{ display: 'flex', flexWrap: 'wrap', columnGap: 12 }}>
                {leader ? <span>{t('ws.dispatch.leader', { name: leader })}</span> : null}
                <span data-rating={stats.averageRating ?? ''}>{stats.averageRating !== null ? t('ws.dispatch.rating', { stars: stats.averageRating, count: stats.ratedOrders }) : t('ws.dispatch.noRating')}</span>
                <span>{t('ws.dispatch.completed', { count: stats.completed30d })}</span>
                {stats.onTimeRate !== null ? <span>{t('ws.dispatch.onTime', { percent: percent(stats.onTimeRate) })}</span> : null}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
