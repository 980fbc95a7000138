import { useState } from 'react';
import { Alert, Button, Segmented, Typography } from 'antd';
import { hasAnyRole } from '../api/endpoints';
import { useAuth } from '../auth/AuthContext';
import { useT } from '../i18n';
import { PageLoading } from '../shell/guards';
import { useLoad } from '../workspace/use-load';
import { WorkspaceNav } from '../workspace/WorkspaceNav';
import { communityApi, type TeamSummary, type Wish } from './community-api';
import { WISH_ASSIGNER_ROLES, WISH_POSTER_ROLES } from './roles';
import { WishCard } from './WishCard';
import { WishPostForm } from './WishPostForm';
import './community.css';
import '../workspace/workspace.css';

type Filter = 'open' | 'all';

async function loadWall(signal: AbortSignal): Promise<{ wishes: Wish[]; teams: TeamSummary[] }> {
  const client = communityApi();
  const [wishes, teams] = await Promise.all([client.wishes(signal), client.teams(signal).catch(() => ({ items: [] as TeamSummary[] }))]);
  return { wishes: wishes.items, teams: teams.items };
}

/** 心愿墙: residents post wishes with photos; the teams of the station and its institute see and claim them. */
export default function WishesPage() {
  const t = useT();
  const { state } = useAuth();
  const user = state.user;
  const [loaded, reload, setLoaded] = useLoad(loadWall, [], t);
  const mayPost = hasAnyRole(user, WISH_POSTER_ROLES);
  const mayAssign = hasAnyRole(user, WISH_ASSIGNER_ROLES);
  // Residents follow their own wishes whatever their state; teams and staff look for the ones still waiting.
  const [filter, setFilter] = useState<Filter>(mayPost && !mayAssign ? 'all' : 'open');
  const [notice, setNotice] = useState<string>();
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());

  const replace = (wish: Wish) => {
    if (loaded.status !== 'ready') return;
    const others = loaded.value.wishes.filter((existing) => existing.id !== wish.id);
    setTouched((ids) => new Set([...ids, wish.id]));
    setLoaded({ status: 'ready', value: { ...loaded.value, wishes: [wish, ...others] } });
  };

  return (
    <section className="sj-ws sj-cm-phone">
      <WorkspaceNav />
      <Typography.Title level={1} className="sj-ws-h1">
        {t('cm.wishes.title')}
      </Typography.Title>
      <p className="sj-ws-meta">{t('cm.wishes.intro')}</p>
      {mayPost ? (
        <WishPostForm
          onPosted={(wish) => {
            setNotice(t('cm.wish.posted'));
            replace(wish);
          }}
        />
      ) : null}
      {notice ? <Alert type="success" showIcon title={notice} closable onClose={() => setNotice(undefined)} style={{ margin: '12px 0' }} /> : null}
      <div className="sj-ws-row sj-cm-section">
        <Typography.Title level={2} className="sj-cm-h2">
          {t('cm.wishes.wall')}
        </Typography.Title>
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'open', label: t('cm.wishes.filterOpen') },
            { value: 'all', label: t('cm.wishes.filterAll') },
          ]}
        />
      </div>
      {loaded.status === 'loading' ? <PageLoading /> : null}
      {loaded.status === 'failed' ? <Alert type="error" showIcon title={loaded.message} action={<Button onClick={reload}>{t('app.retry')}</Button>} /> : null}
      {loaded.status === 'ready'
        ? (() => {
            const shown = loaded.value.wishes.filter((wish) => filter === 'all' || touched.has(wish.id) || (wish.status === 'open' && wish.orderState === 'submitted'));
            const myTeams = loaded.value.teams.filter((team) => user !== null && team.leaderUserId === user.id);
            return shown.length === 0 ? (
              <p className="sj-ws-meta">{t('cm.wishes.empty')}</p>
            ) : (
              <ul className="sj-ws-list">
                {shown.map((wish) => (
                  <WishCard key={wish.id} wish={wish} myTeams={myTeams} assignable={mayAssign ? loaded.value.teams.filter((team) => team.leaderUserId !== null) : []} onChanged={replace} />
                ))}
              </ul>
            );
          })()
        : null}
    </section>
  );
}
