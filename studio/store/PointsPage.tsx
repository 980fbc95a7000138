import { useEffect, useState } from 'react';
import { Alert, Button, Progress, Select, Typography, message } from 'antd';
import dayjs from 'dayjs';
import { useAuth } from '../auth/AuthContext';
import { useLocale, useT, type MessageKey } from '../i18n';
import { PageLoading } from '../shell/guards';
import { describeError, useLoad } from '../workspace/use-load';
import { WorkspaceNav } from '../workspace/WorkspaceNav';
import { pick } from '../workspace/text';
import { hoursText, LEVEL_LABELS } from './levels';
import { storeApi } from './store-api';
import '../workspace/workspace.css';
import './store.css';

const KIND_LABELS: Record<string, MessageKey> = {
  credit: 'store.points.kind.credit',
  redemption: 'store.points.kind.redemption',
  reversal: 'store.points.kind.reversal',
  correction: 'store.points.kind.correction',
};

/** What the volunteer can spend points on: the items of a store in their district, their own unit's first. */
function Catalog({ balance }: { balance: number }) {
  const t = useT();
  const { locale } = useLocale();
  const { state } = useAuth();
  const [stores] = useLoad((signal) => storeApi().stores(false, signal), [], t);
  const [storeId, setStoreId] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (stores.status !== 'ready' || storeId !== undefined) return;
    const mine = new Set((state.user?.roles ?? []).map((grant) => grant.orgUnitId));
    setStoreId((stores.value.items.find((store) => mine.has(store.orgUnitId)) ?? stores.value.items[0])?.id);
  }, [stores, storeId, state.user]);
  const [items] = useLoad(async (signal) => (storeId ? (await storeApi().items(storeId, signal)).items : []), [storeId], t);
  if (stores.status !== 'ready' || stores.value.items.length === 0) return null;
  return (
    <>
      <Typography.Title level={2} className="sj-ws-h2">
        {t('store.points.catalog')}
      </Typography.Title>
      {stores.value.items.length > 1 ? (
        <Select aria-label={t('store.counter.store')} style={{ width: '100%', marginBottom: 8 }} value={storeId} onChange={setStoreId} options={stores.value.items.map((store) => ({ value: store.id, label: pick(store.name, locale) }))} />
      ) : (
        <p className="sj-ws-meta">{pick(stores.value.items[0]!.name, locale)}</p>
      )}
      <ul className="sj-ws-list">
        {items.status === 'ready'
          ? items.value.map((item) => (
              <li key={item.id} className="sj-ws-card sj-ws-row" data-catalog-item={item.id}>
                <div>
                  <strong>{pick(item.title, locale)}</strong>
                  <div className="sj-ws-meta">{item.stock < 1 ? t('store.item.soldOut') : t('store.item.stock', { stock: item.stock })}</div>
                </div>
                <div style={{ textAlign: 'right' }}>
                  <div>{t('store.item.price', { points: item.pointsPrice })}</div>
                  {item.pointsPrice > balance ? <div className="sj-ws-meta">{t('store.points.short', { points: item.pointsPrice - balance })}</div> : null}
                </div>
              </li>
            ))
          : null}
      </ul>
    </>
  );
}

/** 我的积分: balance, star level with the way to the next star, the counter code, and the history. */
export default function PointsPage() {
  const t = useT();
  const { locale } = useLocale();
  const [toast, toastHolder] = message.useMessage();
  const [overview, reload, setOverview] = useLoad((signal) => storeApi().myPoints(signal), [], t);

  const rotate = async () => {
    try {
      const code = await storeApi().rotateCode();
      if (overview.status === 'ready') setOverview({ status: 'ready', value: { ...overview.value, code } });
      void toast.success(t('store.points.rotated'));
    } catch (error) {
      void toast.error(describeError(error, t));
    }
  };

  return (
    <section className="sj-ws sj-store">
      {toastHolder}
      <WorkspaceNav />
      <Typography.Title level={1} className="sj-ws-h1">
        {t('store.points.title')}
      </Typography.Title>
      {overview.status === 'loading' ? <PageLoading /> : null}
      {overview.status === 'failed' ? <Alert type="error" showIcon title={overview.message} action={<Button onClick={reload}>{t('app.retry')}</Button>} /> : null}
      {overview.status === 'ready' ? (
        <>
          <div className="sj-store-summary">
            <div className="sj-ws-card">
              <div className="sj-ws-meta">{t('store.points.balance')}</div>
              <div className="sj-store-big" data-balance={overview.value.balance}>
                {overview.value.balance}
              </div>
            </div>
            <div className="sj-ws-card" data-level={overview.value.level.level}>
              <div className="sj-ws-meta">{t('store.points.hours', { hours: hoursText(overview.value.hours) })}</div>
              <div className="sj-store-level">
                <span aria-hidden="true" className="sj-store-stars">
                  {'★'.repeat(overview.value.level.level)}
                  {'☆'.repeat(5 - overview.value.level.level)}
                </span>{' '}
                {t(LEVEL_LABELS[overview.value.level.level] ?? 'store.level.0')}
              </div>
              {overview.value.level.nextAt === null ? (
                <div className="sj-ws-meta">{t('store.points.top')}</div>
              ) : (
                <>
                  <Progress percent={Math.floor(overview.value.level.progress * 100)} showInfo={false} aria-label={t('store.points.progress')} />
                  <div className="sj-ws-meta">
                    {t('store.points.toNext', { hours: hoursText(overview.value.level.nextAt - overview.value.hours), level: t(LEVEL_LABELS[overview.value.level.level + 1] ?? 'store.level.5') })}
                  </div>
                </>
              )}
            </div>
          </div>
          <div className="sj-ws-card sj-store-code-card">
            <div className="sj-ws-meta">{t('store.points.code')}</div>
            <div className="sj-store-code" data-code={overview.value.code.code} aria-label={t('store.points.codeAria', { code: overview.value.code.code.split('').join(' ') })}>
              {overview.value.code.display}
            </div>
            <div className="sj-ws-meta">{t('store.points.codeHint')}</div>
            <Button size="small" onClick={() => void rotate()} style={{ marginTop: 8 }}>
              {t('store.points.rotate')}
            </Button>
          </div>
          <Catalog balance={overview.value.balance} />
          <Typography.Title level={2} className="sj-ws-h2">
            {t('store.points.history')}
          </Typography.Title>
          {overview.value.history.length === 0 ? <p>{t('store.points.empty')}</p> : null}
          <ul className="sj-ws-list">
            {overview.value.history.map((entry) => (
              <li key={entry.id} className="sj-ws-card sj-ws-row" data-entry={entry.kind}>
                <div>
                  <div>{entry.redemption ? t('store.points.redeemedItem', { item: pick(entry.redemption.itemTitle, locale), quantity: entry.redemption.quantity }) : t(KIND_LABELS[entry.kind] ?? 'store.points.kind.correction')}</div>
                  <div className="sj-ws-meta">
                    {dayjs(entry.at).format('YYYY-MM-DD HH:mm')}
                    {entry.kind === 'reversal' && entry.redemption ? ` · ${t('store.points.kind.reversal')}` : ''}
                  </div>
                </div>
                <strong className={entry.points < 0 ? 'sj-store-minus' : 'sj-store-plus'}>{entry.points > 0 ? `+${entry.points}` : entry.points}</strong>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
