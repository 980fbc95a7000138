import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Tag, message } from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import type { WorkflowDefinition } from '../../runtime/schema/workflow';
import { useLocale, useT } from '../i18n';
import { PageLoading } from '../shell/guards';
import { arrangeInbox, inboxWindow, urgencyOf, type InboxFilter } from './inbox-order';
import { describeError, useLoad } from './use-load';
import { loadWorkflow, workflowLabels } from './workflow-labels';
import { INBOX_LIMIT, workspaceApi, type Task } from './workspace-api';
import { WorkspaceNav } from './WorkspaceNav';
import './workspace.css';

/**
 * The first inbox request leaves as soon as this page's code has arrived (the route loads it on demand),
 * so it overlaps the page's first render instead of waiting for it; later loads fetch afresh.
 */
interface LoadedInbox {
  items: Task[];
  /** The workflows the tasks belong to, fetched with the list so the cards are drawn once, already named. */
  workflows: Record<string, WorkflowDefinition>;
}

async function withWorkflows(listing: Promise<{ items: Task[] }>): Promise<LoadedInbox> {
  const { items } = await listing;
  const keys = [...new Set(items.map((task) => task.workflow))];
  const found = await Promise.all(keys.map((key) => loadWorkflow(key).catch(() => undefined)));
  return { items, workflows: Object.fromEntries(keys.flatMap((key, i) => (found[i] ? [[key, found[i]]] : []))) };
}

let early: Promise<LoadedInbox> | null = withWorkflows(workspaceApi().inbox());
early.catch(() => undefined);
function firstOrFreshInbox(signal: AbortSignal): Promise<LoadedInbox> {
  const taken = early;
  early = null;
  return taken ?? withWorkflows(workspaceApi().inbox(signal));
}

/** A native select: one tap opens the phone's own picker, and it costs the first screen nothing to draw. */
function FilterSelect({ label, value, options, onChange }: { label: string; value: string; options: { value: string; label: string }[]; onChange(value: string): void }) {
  return (
    <select className="sj-ws-select" aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
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
  const [inbox, reload] = useLoad(firstOrFreshInbox, [], t);
  const [filter, setFilterState] = useState<InboxFilter>({});
  // Cards drawn so far, in pages: with hundreds of open tasks the first screen lays out one page only.
  const [pages, setPages] = useState(1);
  const setFilter = (update: (f: InboxFilter) => InboxFilter) => {
    setFilterState(update);
    setPages(1);
  };
  const [workflows, setWorkflows] = useState<Record<string, WorkflowDefinition>>({});
  const [claiming, setClaiming] = useState<string | null>(null);
  const [toast, toastHolder] = message.useMessage();
  // One clock reading per load, so arranging is memoised and every card judges "overdue" at the same instant.
  const now = useMemo(() => (inbox.status === 'ready' ? Date.now() : 0), [inbox]);

  const tasks = inbox.status === 'ready' ? inbox.value.items : [];
  const workflowKeys = useMemo(() => [...new Set(tasks.map((task) => task.workflow))].sort(), [tasks]);
  useEffect(() => {
    for (const key of workflowKeys) {
      if (workflows[key] || (inbox.status === 'ready' && inbox.value.workflows[key])) continue;
      loadWorkflow(key)
        .then((definition) => setWorkflows((known) => ({ ...known, [key]: definition })))
        .catch(() => undefined);
    }
  }, [workflowKeys, workflows, inbox]);
  const labels = (key: string) => workflowLabels(workflows[key] ?? (inbox.status === 'ready' ? inbox.value.workflows[key] : undefined), locale, t);
  const arranged = useMemo(() => arrangeInbox(tasks, filter, now), [tasks, filter, now]);
  const { shown, remaining } = inboxWindow(arranged, pages);
  const states = [...new Set(tasks.filter((task) => !filter.workflow || task.workflow === filter.workflow).map((task) => `${task.workflow}\u0000${task.state}`))];

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
          onChange={(value) => setFilter((f) => ({ ...f, state: value || undefined }))}
          options={[
            { value: '', label: t('ws.inbox.filterAll') },
            ...states.map((pair) => {
              const [workflow = '', state = ''] = pair.split('\u0000');
              return { value: state, label: labels(workflow).state(state) };
            }),
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
            {arranged.length === 0 ? t('ws.inbox.empty') : t('ws.inbox.count', { count: arranged.length })}
          </p>
          {tasks.length >= INBOX_LIMIT ? <p className="sj-ws-meta">{t('ws.inbox.capped', { limit: INBOX_LIMIT })}</p> : null}
          <ul className="sj-ws-list" aria-label={t('workspace.title')}>
            {shown.map((task) => {
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
          {remaining > 0 ? (
            <Button style={{ marginTop: 12 }} block onClick={() => setPages((n) => n + 1)}>
              {t('ws.inbox.more', { count: remaining })}
            </Button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
