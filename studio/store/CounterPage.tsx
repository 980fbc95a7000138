import { useEffect, useState } from 'react';
import { Alert, Button, Input, InputNumber, Popconfirm, Select, Tag, Typography, message } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useLocale, useT } from '../i18n';
import { PageLoading } from '../shell/guards';
import { newIdempotencyKey } from '../workspace/workspace-api';
import { useLoad } from '../workspace/use-load';
import { WorkspaceNav } from '../workspace/WorkspaceNav';
import { pick } from '../workspace/text';
import { storeApi, type VolunteerAtCounter } from './store-api';
import { storeErrorText } from './store-errors';
import '../workspace/workspace.css';
import './store.css';

/** The counter (兑换台): the operator enters or scans a volunteer's code, picks an item, confirms; recent redemptions can be cancelled. */
export default function CounterPage() {
  const t = useT();
  const { locale } = useLocale();
  const [toast, toastHolder] = message.useMessage();
  const [stores] = useLoad((signal) => storeApi().stores(true, signal), [], t);
  const [storeId, setStoreId] = useState<string | undefined>(undefined);
  const [code, setCode] = useState('');
  const [volunteer, setVolunteer] = useState<VolunteerAtCounter | null>(null);
  const [itemId, setItemId] = useState<string | undefined>(undefined);
  const [quantity, setQuantity] = useState(1);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per intended redemption: a retry after a lost answer replays instead of spending twice.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  useEffect(() => {
    if (stores.status === 'ready' && storeId === undefined) setStoreId(stores.value.items.find((s) => s.active)?.id ?? stores.value.items[0]?.id);
  }, [stores, storeId]);
  const [items, reloadItems] = useLoad(async (signal) => (storeId ? (await storeApi().items(storeId, signal)).items.filter((i) => i.active) : []), [storeId], t);
  const [recent, reloadRecent] = useLoad(async (signal) => (storeId ? (await storeApi().redemptions(storeId, signal)).items : []), [storeId], t);
  useEffect(() => setIdempotencyKey(newIdempotencyKey()), [storeId, volunteer?.id, itemId, quantity]);

  const item = items.status === 'ready' ? items.value.find((i) => i.id === itemId) : undefined;
  const points = item ? item.pointsPrice * quantity : 0;

  const lookUp = async () => {
    if (!storeId || code.trim() === '') return;
    setError(null);
    setBusy(true);
    try {
      setVolunteer(await storeApi().lookup(storeId, code.trim()));
    } catch (failure) {
      setVolunteer(null);
      setError(storeErrorText(failure, t));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!storeId || !volunteer || !item) return;
    setError(null);
    setBusy(true);
    try {
      const done = await storeApi().redeem({ storeId, itemId: item.id, volunteerCode: code.trim(), quantity }, idempotencyKey);
      void toast.success(t('store.counter.done', { name: done.volunteer.displayName, item: pick(done.itemTitle, locale), points: done.points }));
      setVolunteer({ ...volunteer, balance: volunteer.balance - done.points });
      setItemId(undefined);
      setQuantity(1);
      reloadItems();
      reloadRecent();
    } catch (failure) {
      setError(storeErrorText(failure, t));
    } finally {
      setBusy(false);
    }
  };

  const cancel = async (id: string) => {
    try {
      const undone = await storeApi().cancel(id);
      void toast.success(t('store.counter.cancelled', { points: undone.points }));
      if (volunteer && volunteer.id === undone.volunteer.id) setVolunteer({ ...volunteer, balance: volunteer.balance + undone.points });
    } catch (failure) {
      void toast.error(storeErrorText(failure, t));
    }
    reloadItems();
    reloadRecent();
  };

  if (stores.status === 'loading') return <PageLoading />;
  const operable = stores.status === 'ready' ? stores.value.items : [];
  return (
    <section className="sj-ws sj-store">
      {toastHolder}
      <WorkspaceNav />
      <Typography.Title level={1} className="sj-ws-h1">
        {t('store.counter.title')}
      </Typography.Title>
      {stores.status === 'failed' ? <Alert type="error" showIcon title={stores.message} /> : null}
      {stores.status === 'ready' && operable.length === 0 ? (
        <Alert type="info" showIcon title={t('store.counter.noStore')} action={<Link to="/store/manage">{t('store.nav.manage')}</Link>} />
      ) : null}
      {operable.length > 1 ? (
        <Select aria-label={t('store.counter.store')} style={{ width: '100%', marginBottom: 12 }} value={storeId} onChange={setStoreId} options={operable.map((s) => ({ value: s.id, label: pick(s.name, locale) }))} />
      ) : operable[0] ? (
        <p className="sj-ws-meta">{pick(operable[0].name, locale)}</p>
      ) : null}
      {storeId ? (
        <>
          <label htmlFor="sj-store-code" className="sj-ws-meta">
            {t('store.counter.code')}
          </label>
          <div className="sj-ws-row" style={{ flexWrap: 'nowrap', marginBottom: 8 }}>
            <Input
              id="sj-store-code"
              className="sj-store-code-input"
              size="large"
              value={code}
              autoComplete="off"
              placeholder={t('store.counter.codePlaceholder')}
              onChange={(event) => {
                setCode(event.target.value);
                setVolunteer(null);
              }}
              onPressEnter={() => void lookUp()}
            />
            <Button size="large" onClick={() => void lookUp()} loading={busy && !volunteer}>
              {t('store.counter.find')}
            </Button>
          </div>
          {volunteer ? (
            <div className="sj-ws-card" data-volunteer={volunteer.id} style={{ marginBottom: 8 }}>
              <strong>{volunteer.displayName}</strong>
              <div className="sj-ws-meta" data-balance={volunteer.balance}>
                {t('store.counter.balance', { points: volunteer.balance })}
              </div>
            </div>
          ) : null}
          {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} /> : null}
          <Typography.Title level={2} className="sj-ws-h2">
            {t('store.counter.pick')}
          </Typography.Title>
          {items.status === 'ready' && items.value.length === 0 ? <p>{t('store.counter.noItems')}</p> : null}
          <ul className="sj-store-items">
            {items.status === 'ready'
              ? items.value.map((i) => {
                  const short = volunteer !== null && volunteer.balance < i.pointsPrice;
                  return (
                    <li key={i.id}>
                      <button type="button" className="sj-store-item" aria-pressed={itemId === i.id} disabled={i.stock < 1 || short} onClick={() => setItemId(i.id)} data-item={i.id}>
                        <div className="sj-ws-row">
                          <strong>{pick(i.title, locale)}</strong>
                          <span>{t('store.item.price', { points: i.pointsPrice })}</span>
                        </div>
                        <div className="sj-ws-meta">{i.stock < 1 ? t('store.item.soldOut') : t('store.item.stock', { stock: i.stock })}</div>
                      </button>
                    </li>
                  );
                })
              : null}
          </ul>
          <div className="sj-ws-row" style={{ marginTop: 12 }}>
            <label className="sj-ws-row" style={{ gap: 8 }}>
              <span>{t('store.counter.quantity')}</span>
              <InputNumber min={1} max={Math.max(1, Math.min(20, item?.stock ?? 20))} value={quantity} onChange={(value) => setQuantity(value ?? 1)} />
            </label>
            <Button type="primary" size="large" disabled={!volunteer || !item || busy} loading={busy && !!volunteer} onClick={() => void confirm()}>
              {item ? t('store.counter.confirm', { points }) : t('store.counter.confirmIdle')}
            </Button>
          </div>
          <Typography.Title level={2} className="sj-ws-h2">
            {t('store.counter.recent')}
          </Typography.Title>
          {recent.status === 'ready' && recent.value.length === 0 ? <p>{t('store.counter.noRecent')}</p> : null}
          <ul className="sj-ws-list">
            {recent.status === 'ready'
              ? recent.value.map((r) => (
                  <li key={r.id} className="sj-ws-card" data-redemption={r.id} data-status={r.status}>
                    <div className="sj-ws-row">
                      <strong>{t('store.counter.line', { name: r.volunteer.displayName, item: pick(r.itemTitle, locale), quantity: r.quantity })}</strong>
                      <span>{t('store.counter.points', { points: r.points })}</span>
                    </div>
                    <div className="sj-ws-row">
                      <span className="sj-ws-meta">{dayjs(r.redeemedAt).format('MM-DD HH:mm')}</span>
                      {r.status === 'cancelled' ? (
                        <Tag>{t('store.counter.wasCancelled')}</Tag>
                      ) : (
                        <Popconfirm title={t('store.counter.cancelConfirm', { points: r.points })} okText={t('store.counter.cancel')} cancelText={t('store.counter.keep')} onConfirm={() => cancel(r.id)}>
                          <Button size="small" danger>
                            {t('store.counter.cancel')}
                          </Button>
                        </Popconfirm>
                      )}
                    </div>
                  </li>
                ))
              : null}
          </ul>
        </>
      ) : null}
    </section>
  );
}
