import { Alert, Tag } from 'antd';
import { useT } from '../i18n';
import { teamStats, type TeamStats } from './team-stats';
import { useLoad } from './use-load';
import { workspaceApi, type Instance, type Team } from './workspace-api';

// Enough recent orders to judge who is busy; a team's older history does not change today's choice.
const RECENT_ORDERS = 60;
const DETAIL_STATES = new Set(['dispatched', 'accepted', 'in_service', 'awaiting_rating', 'closed']);

async function loadBoard(signal: AbortSignal): Promise<{ teams: Team[]; stats: Map<string, TeamStats> }> {
  const client = workspaceApi();
  const [teams, recent] = await Promise.all([client.teams(), client.instances({ workflow: 'five-order', limit: RECENT_ORDERS }, signal)]);
  const details = await Promise.all(
    recent.items.filter((item) => DETAIL_STATES.has(item.state)).map((item) => client.instance(item.id, signal).catch((): Instance | null => null)),
  );
  return { teams: teams.items, stats: teamStats(details.filter((d): d is Instance => d !== null)) };
}

/** The teams a dispatcher may choose, each with its current load and its residents' rating. */
export function TeamBoard() {
  const t = useT();
  const [board] = useLoad(loadBoard, [], t);
  if (board.status === 'loading') return null;
  if (board.status === 'failed') return <Alert type="warning" showIcon title={board.message} />;
  return (
    <section aria-label={t('ws.dispatch.teams')} style={{ marginBottom: 12 }}>
      <strong>{t('ws.dispatch.teams')}</strong>
      <ul className="sj-ws-list" style={{ marginTop: 8 }}>
        {board.value.teams.map((team) => {
          const stats = board.value.stats.get(team.id);
          return (
            <li key={team.id} className="sj-ws-card" data-team={team.id}>
              <div className="sj-ws-row">
                <span>{team.name}</span>
                <span>
                  <Tag>{t('ws.dispatch.members', { count: team.memberCount })}</Tag>
                  <Tag className={(stats?.load ?? 0) > 2 ? 'sj-ws-tag-warn' : 'sj-ws-tag-ok'}>{t('ws.dispatch.load', { count: stats?.load ?? 0 })}</Tag>
                </span>
              </div>
              <div className="sj-ws-meta">
                {stats?.rating != null ? `★ ${t('ws.dispatch.rating', { stars: stats.rating })}` : t('ws.dispatch.noRating')}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
