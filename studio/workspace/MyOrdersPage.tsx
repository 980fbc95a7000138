import { useEffect, useState } from 'react';
import { Alert, Button, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import type { WorkflowDefinition } from '../../runtime/schema/workflow';
import { useLocale, useT } from '../i18n';
import { Stars } from '../renderers/RatingControl';
import { PageLoading } from '../shell/guards';
import { ratingOf } from './text';
import { describeError, useLoad } from './use-load';
import { loadWorkflow, workflowLabels } from './workflow-labels';
import { workspaceApi, type InstanceListItem } from './workspace-api';
import { WorkspaceNav } from './WorkspaceNav';
import './workspace.css';

const ORDER_WORKFLOW = 'five-order';
const DONE_STATES = new Set(['closed', 'archived']);
const STOPPED_STATES = new Set(['rejected', 'cancelled']);

/** The stars a finished order got, read from the order itself (the list carries no data); nothing while unknown. */
function OrderStars({ id }: { id: string }) {
  const [stars, setStars] = useState<number | undefined>(undefined);
  useEffect(() => {
    const controller = new AbortController();
    workspaceApi()
      .instance(id, controller.signal)
      .then((instance) => setStars(ratingOf(instance)))
      .catch(() => undefined);
    return () => controller.abort();
  }, [id]);
  return stars === undefined ? null : <Stars value={stars} />;
}

/** 我的订单: the orders this person may see, newest first, each with where it stands. */
export default function MyOrdersPage() {
  const t = useT();
  const { locale } = useLocale();
  const [page, reload] = useLoad((signal) => workspaceApi().instances({ workflow: ORDER_WORKFLOW, limit: 20 }, signal), [], t);
  const [more, setMore] = useState<{ items: InstanceListItem[]; cursor: string | null; error?: string }>({ items: [], cursor: null });
  const [workflow, setWorkflow] = useState<WorkflowDefinition | undefined>(undefined);
  useEffect(() => {
    loadWorkflow(ORDER_WORKFLOW)
      .then(setWorkflow)
      .catch(() => undefined);
  }, []);
  useEffect(() => {
    if (page.status === 'ready') setMore({ items: [], cursor: page.value.nextCursor });
  }, [page]);
  const labels = workflowLabels(workflow, locale, t);
  const loadMore = async () => {
    if (!more.cursor) return;
    try {
      const next = await workspaceApi().instances({ workflow: ORDER_WORKFLOW, limit: 20, cursor: more.cursor });
      setMore((m) => ({ items: [...m.items, ...next.items], cursor: next.nextCursor }));
    } catch (error) {
      setMore((m) => ({ ...m, error: describeError(error, t) }));
    }
  };
  const orders = page.status === 'ready' ? [...page.value.items, ...more.items] : [];
  return (
    <section className="sj-ws">
      <WorkspaceNav />
      <Typography.Title level={1} className="sj-ws-h1">
        {t('ws.orders.title')}
      </Typography.Title>
      {page.status === 'loading' ? <PageLoading /> : null}
      {page.status === 'failed' ? <Alert type="error" showIcon title={page.message} action={<Button onClick={reload}>{t('app.retry')}</Button>} /> : null}
      {page.status === 'ready' && orders.length === 0 ? <p>{t('ws.orders.empty')}</p> : null}
      <ul className="sj-ws-list">
        {orders.map((order) => (
          <li key={order.id} className="sj-ws-card" data-order={order.id}>
            <div className="sj-ws-row">
              <Link to={`/workspace/instances/${encodeURIComponent(order.id)}`} style={{ fontWeight: 600 }}>
                {t('ws.orders.item', { id: order.id.slice(-6) })}
              </Link>
              <Tag className={DONE_STATES.has(order.state) ? 'sj-ws-tag-ok' : undefined} color={STOPPED_STATES.has(order.state) || DONE_STATES.has(order.state) ? undefined : 'blue'} data-state={order.state}>
                {labels.state(order.state)}
              </Tag>
            </div>
            {order.subject ? (
              <div className="sj-ws-subject" data-subject>
                {order.subject}
              </div>
            ) : null}
            <div className="sj-ws-row">
              <span className="sj-ws-meta">{t('ws.orders.createdAt', { time: dayjs(order.createdAt).format('YYYY-MM-DD HH:mm') })}</span>
              {DONE_STATES.has(order.state) ? <OrderStars id={order.id} /> : null}
            </div>
          </li>
        ))}
      </ul>
      {more.cursor ? (
        <Button style={{ marginTop: 12 }} block onClick={() => void loadMore()}>
          {t('ws.orders.more')}
        </Button>
      ) : null}
      {more.error ? <Alert type="error" showIcon title={more.error} /> : null}
    </section>
  );
}
