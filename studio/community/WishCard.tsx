import { useState } from 'react';
import { Alert, Button, Select } from 'antd';
import { Link } from 'react-router-dom';
import { attachmentUrl } from '../api/attachments';
import { useT, type MessageKey } from '../i18n';
import { describeError } from '../workspace/use-load';
import { communityApi, type TeamSummary, type Wish } from './community-api';
import { StatusBadge, type BadgeTone } from './StatusBadge';

const statusLabel: Record<Wish['status'], MessageKey> = { open: 'cm.wish.status.open', claimed: 'cm.wish.status.claimed', assigned: 'cm.wish.status.assigned' };
const statusTone: Record<Wish['status'], BadgeTone> = { open: 'waiting', claimed: 'done', assigned: 'info' };

export interface WishCardProps {
  wish: Wish;
  /** Teams the viewer leads (they may claim for them). */
  myTeams: TeamSummary[];
  /** Teams the viewer may assign to, when they administer the wish's station. */
  assignable: TeamSummary[];
  onChanged: (wish: Wish) => void;
}

/** One wish on the wall: its words and photos, its state, and the claim or assign action the viewer has. */
export function WishCard({ wish, myTeams, assignable, onChanged }: WishCardProps) {
  const t = useT();
  const [team, setTeam] = useState<string | undefined>(myTeams[0]?.id);
  const [assignTo, setAssignTo] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  // On offer while open and its order still waits for triage (the station may have handled it the ordinary way).
  const onOffer = wish.status === 'open' && wish.orderState === 'submitted';

  const act = async (run: () => Promise<Wish>) => {
    setBusy(true);
    setError(undefined);
    try {
      onChanged(await run());
    } catch (failure) {
      setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="sj-ws-card">
      <div className="sj-ws-row">
        <StatusBadge tone={statusTone[wish.status]}>{t(statusLabel[wish.status])}</StatusBadge>
        <span className="sj-ws-meta">{wish.createdAt.slice(0, 10)}</span>
      </div>
      <p className="sj-cm-wish-text">{wish.text}</p>
      {wish.photos.length > 0 ? (
        <div className="sj-cm-photos">
          {wish.photos.map((id, index) => (
            <img key={id} src={attachmentUrl(id)} alt={t('cm.wish.photoAlt', { name: String(index + 1) })} loading="lazy" />
          ))}
        </div>
      ) : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} /> : null}
      <div className="sj-cm-actions">
        {onOffer && myTeams.length > 0 ? (
          <>
            {myTeams.length > 1 ? (
              <Select aria-label={t('cm.wish.team')} value={team} onChange={setTeam} options={myTeams.map((option) => ({ value: option.id, label: option.name }))} style={{ minWidth: 160 }} />
            ) : null}
            <Button type="primary" loading={busy} disabled={team === undefined} onClick={() => team && void act(() => communityApi().claimWish(wish.id, team))}>
              {t('cm.wish.claim')}
            </Button>
          </>
        ) : null}
        {onOffer && assignable.length > 0 ? (
          <>
            <Select aria-label={t('cm.wish.assignTo')} placeholder={t('cm.wish.assignTo')} value={assignTo} onChange={setAssignTo} options={assignable.map((option) => ({ value: option.id, label: option.name }))} style={{ minWidth: 180 }} />
            <Button loading={busy} disabled={assignTo === undefined} onClick={() => assignTo && void act(() => communityApi().assignWish(wish.id, assignTo))}>
              {t('cm.wish.assign')}
            </Button>
          </>
        ) : null}
        <Link to={`/workspace/instances/${encodeURIComponent(wish.instanceId)}`}>{t('cm.wish.openOrder')}</Link>
      </div>
    </li>
  );
}
