import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Tag, message } from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import type { WorkflowDefinition } from '../../runtime/schema/workflow';
import { useLocale, useT } from '../i18n';
import { PageLoading } from '../shell/guards';
import { appendPage, inboxQuery, urgencyOf, type InboxFilter } from './inbox-order';
import { describeError, useLoad } from './use-load';
import { loadWorkflow, workflowLabels } from './workflow-labels';
import { SESSION_CHANGED } from '../auth/session-events';
import { workspaceApi, type InboxPage as InboxListing, type Task } from './workspace-api';
import { WorkspaceNav } from './WorkspaceNav';
import './workspace.css';

/**
 * The first inbox request leaves as soon as this page's code has arrived (the route loads it on demand),
 * so it overlaps the page's first render instead of waiting for it; later loads fetch afresh.
 */
interface LoadedInbox {
  /** The pages loaded so far, in the server's order (overdue and soonest due first, undated last). */
  items: Task[];
  /** Where "load more" continues; null once the last page is in. */
  nextCursor: string | null;
  /** The workflows the tasks belong to, fetched with the list so the cards are drawn once, already named. */
  workflows: Record<string, WorkflowDefinition>;
}

async function withWorkflows(listing: Promise<InboxListing>): Promise<LoadedInbox> {
  const { items, nextCursor } = await listing;
  const keys = [...new Set(items.map((task) => task.workflow))];
  const found = await Promise.all(keys.map((key) => loadWorkflow(key).catch(() => undefined)));
  return { items, nextCursor, workflows: Object.fromEntries(keys.flatMap((key, i) => (found[i] ? [[key, found[i]]] : []))) };
}

let early: Promise<LoadedInbox> | null = withWorkflows(workspaceApi().inbox(inboxQuery({})));
early.catch(() => undefined);
// A page asked for one person is never shown to the next.
window.addEventListener(SESSION_CHANGED, () => {
  early = null;
});
/** The unfiltered first page may already be on its way (see above); any other load asks afresh. */
function inboxLoader(filter: InboxFilter) {
  return (signal: AbortSignal): Promise<LoadedInbox> => {
    const taken = early;
    early = null;
    const unfiltered = !filter.workflow && !filter.state && !filter.kind && !filter.overdueOnly;
    return (unfiltered ? taken : null) ?? withWorkflows(workspaceApi().inbox(inboxQuery(filter), signal));
  };
}

/** A native select: one tap opens the phone's own picker, and it costs the first screen nothing to draw. */
function FilterSelect({
  label,
  value,
  options,
  disabled,
  onChange,
}: {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  disabled?: boolean;
  onChange(value: string): void;
}) {
  return (
    <select className="sj-ws-select" aria-label={label} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** 我的待办: open tasks across workflows, overdue first; pool tasks can be claimed (抢单) right here. */
export default function InboxPage() {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<InboxFilter>({});
  const [inbox, reload, setInbox] = useLoad(inboxLoader(filter), [filter], t);
  const [loadingMore, setLoadingMore] = useState(false);
  // Every published workflow is offered as a filter, not only those on the pages loaded so far.
  const [published, setPublished] = useState<string[]>([]);
  useEffect(() => {
    workspaceApi()
      .definitions('workflow')
      .then(({ items }) => setPublished([...new Set(items.map((item) => item.key))]))
      .catch(() => undefined);
  }, []);
  const [workflows, setWorkflows] = useState<Record<string, WorkflowDefinition>>({});
  const [claiming, setClaiming] = useState<string | null>(null);
  const [toast, toastHolder] = message.useMessage();
  // One clock reading per load (and per page loaded), so every card judges "overdue" at the same instant.
  const now = useMemo(() => (inbox.status === 'ready' ? Date.now() : 0), [inbox]);

  const tasks = inbox.status === 'ready' ? inbox.value.items : [];
  const workflowKeys = useMemo(
    () => [...new Set([...published, ...tasks.map((task) => task.workflow), ...(filter.workflow ? [filter.workflow] : [])])].sort(),
    [published, tasks, filter.workflow],
  );
  useEffect(() => {
    for (const key of workflowKeys) {
      if (workflows[key] || (inbox.status === 'ready' && inbox.value.workflows[key])) continue;
      loadWorkflow(key)
        .then((definition) => setWorkflows((known) => ({ ...known, [key]: definition })))
        .catch(() => undefined);
    }
  }, [workflowKeys, workflows, inbox]);
  const labels = (key: string) => workflowLabels(workflows[key] ?? (inbox.status === 'ready' ? inbox.value.workflows[key] : undefined), locale, t);
  const chosen = filter.workflow ? (workflows[filter.workflow] ?? (inbox.status === 'ready' ? inbox.value.workflows[filter.workflow] : undefined)) : undefined;
  const states = Object.keys(chosen?.states ?? {});
  const nextCursor = inbox.status === 'ready' ? inbox.value.nextCursor : null;

  const loadMore = async () => {
    if (inbox.status !== 'ready' || nextCursor === null) return;
    const shown = inbox.value;
    setLoadingMore(true);
    try {
      const page = await workspaceApi().inbox(inboxQuery(filter, nextCursor));
      // A page that arrives after the filter changed or the list reloaded belongs to a list no longer shown.
      setInbox((current) =>
        current.status === 'ready' && current.value === shown ? { status: 'ready', value: { ...shown, items: appendPage(shown.items, page.items), nextCursor: page.nextCursor } } : current,
      );
    } catch (error) {
      void toast.error(describeError(error, t));
    } finally {
      setLoadingMore(false);
    }
  };

  const claim = async (task: Task) => {
    setClaiming(task.id);
    try {
      await workspaceApi().claim(task.id);
      void toast.success(t('ws.inbox.claimed'));
      navigate(`/workspace/instances/${encodeURIComponent(task.instanceId)}`);
    } catch (error) {
      void toast.error(describeError(error, t));
      reload();
    } finally {
      setClaiming(null);
    }
  };

  return (
    <section className="sj-ws">
      {toastHolder}
      <WorkspaceNav />
      <h1 className="sj-ws-h1">{t('workspace.title')}</h1>
      <div className="sj-ws-filters">
        <FilterSelect
          label={t('ws.inbox.filterWorkflow')}
          value={filter.workflow ?? ''}
          onChange={(value) => setFilter((f) => ({ ...f, workflow: value || undefined, state: undefined }))}
          options={[{ value: '', label: t('ws.inbox.filterAll') }, ...workflowKeys.map((key) => ({ value: key, label: labels(key).title }))]}
        />
        <FilterSelect
          label={t('ws.inbox.filterState')}
          value={filter.state ?? ''}
          disabled={!filter.workflow}
          onChange={(value) => setFilter((f) => ({ ...f, state: value || undefined }))}
          options={[
            { value: '', label: filter.workflow ? t('ws.inbox.filterAll') : t('ws.inbox.stateAfterWorkflow') },
            ...(filter.workflow ? states.map((state) => ({ value: state, label: labels(filter.workflow!).state(state) })) : []),
          ]}
        />
        <FilterSelect
          label={t('ws.inbox.filterKind')}
          value={filter.kind ?? ''}
          onChange={(value) => setFilter((f) => ({ ...f, kind: value === 'assigned' || value === 'pool' ? value : undefined }))}
          options={[
            { value: '', label: t('ws.inbox.filterAll') },
            { value: 'assigned', label: t('ws.inbox.kindAssigned') },
            { value: 'pool', label: t('ws.inbox.kindPool') },
          ]}
        />
        <label className="sj-ws-check">
          <input type="checkbox" checked={!!filter.overdueOnly} onChange={(e) => setFilter((f) => ({ ...f, overdueOnly: e.target.checked }))} />
          {t('ws.inbox.overdueOnly')}
        </label>
        <Button onClick={reload}>{t('ws.inbox.refresh')}</Button>
      </div>
      {inbox.status === 'loading' ? <PageLoading /> : null}
      {inbox.status === 'failed' ? <Alert type="error" showIcon title={inbox.message} action={<Button onClick={reload}>{t('app.retry')}</Button>} /> : null}
      {inbox.status === 'ready' ? (
        <>
          <p className="sj-ws-meta" role="status">
            {tasks.length === 0 ? t('ws.inbox.empty') : nextCursor === null ? t('ws.inbox.count', { count: tasks.length }) : t('ws.inbox.countSoFar', { count: tasks.length })}
          </p>
          <ul className="sj-ws-list" aria-label={t('workspace.title')}>
            {tasks.map((task) => {
              const urgency = urgencyOf(task, now);
              const wf = labels(task.workflow);
              return (
                <li key={task.id} className={`sj-ws-card${urgency === 'overdue' ? ' sj-ws-card-overdue' : ''}`} data-task={task.instanceId}>
                  <div className="sj-ws-row">
                    <Link to={`/workspace/instances/${encodeURIComponent(task.instanceId)}`} style={{ fontWeight: 600 }}>
                      {wf.state(task.state)} · {wf.title}
                    </Link>
                    <span className="sj-ws-tags">
                      {urgency === 'overdue' ? <Tag color="red">{t('ws.inbox.overdue')}</Tag> : null}
                      {urgency === 'soon' ? <Tag className="sj-ws-tag-warn">{t('ws.inbox.dueSoon')}</Tag> : null}
                      {task.pool ? <Tag color="blue">{t('ws.inbox.pool')}</Tag> : null}
                    </span>
                  </div>
                  {task.orgUnitName || task.subject ? (
                    <div className="sj-ws-subject" data-subject>
                      {[task.orgUnitName, task.subject].filter(Boolean).join(' · ')}
                    </div>
                  ) : null}
                  <div className="sj-ws-row">
                    <span className="sj-ws-meta">
                      {task.dueAt ? t('ws.inbox.due', { time: dayjs(task.dueAt).format('YYYY-MM-DD HH:mm') }) : t('ws.inbox.noDue')}
                      {task.reminders ? (
                        <Tag className="sj-ws-tag-warn" style={{ marginInlineStart: 8 }} data-reminders={task.reminders.count}>
                          {t('ws.instance.reminders', { count: task.reminders.count, time: dayjs(task.reminders.lastAt).format('MM-DD HH:mm') })}
                        </Tag>
                      ) : null}
                    </span>
                    {task.pool ? (
                      <Button type="primary" size="small" loading={claiming === task.id} onClick={() => void claim(task)}>
                        {t('ws.inbox.claim')}
                      </Button>
                    ) : (
                      <Button size="small" onClick={() => navigate(`/workspace/instances/${encodeURIComponent(task.instanceId)}`)}>
                        {t('ws.inbox.open')}
                      </Button>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
          {nextCursor !== null ? (
            <Button style={{ marginTop: 12 }} block loading={loadingMore} onClick={() => void loadMore()}>
              {t('ws.inbox.loadMore')}
            </Button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
