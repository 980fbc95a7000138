import { Alert, Button, Progress, Typography, message } from 'antd';
import dayjs from 'dayjs';
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
