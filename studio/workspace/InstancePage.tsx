import { useEffect, useState } from 'react';
import { Alert, Button, Descriptions, Tag, Typography, message } from 'antd';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router-dom';
import type { FormDefinition } from '../../runtime/schema/form';
import type { WorkflowDefinition } from '../../runtime/schema/workflow';
import { createAttachmentUploader } from '../api/attachments';
import { createReferenceLookup } from '../api/references';
import { useAuth } from '../auth/AuthContext';
import { ShijianForm } from '../forms/ShijianForm';
import { ReferenceLookupContext } from '../renderers/context';
import { Stars } from '../renderers/RatingControl';
import { useLocale, useT } from '../i18n';
import { PageLoading } from '../shell/guards';
import { ActionPanel } from './ActionPanel';
import { HistoryTimeline } from './HistoryTimeline';
import { SubmittedSteps } from './SubmittedSteps';
import { ratingOf } from './text';
import { useLoad } from './use-load';
import { loadWorkflow, workflowLabels } from './workflow-labels';
import { workspaceApi, type Instance } from './workspace-api';
import { WorkspaceNav } from './WorkspaceNav';
import './workspace.css';

// Read-only forms name what their reference fields hold (a service item, a team) as the forms that filled them did.
const lookupReferences = createReferenceLookup();

/** One instance: where it stands, what happened, what was asked for, and what this person may do now. */
export default function InstancePage() {
  const t = useT();
  const { locale } = useLocale();
  const { id = '' } = useParams();
  const { state: auth } = useAuth();
  const [loaded, reload, setLoaded] = useLoad((signal) => workspaceApi().instance(id, signal), [id], t);
  const [workflow, setWorkflow] = useState<WorkflowDefinition | undefined>(undefined);
  const [startForm, setStartForm] = useState<FormDefinition | undefined>(undefined);
  const [toast, toastHolder] = message.useMessage();
  // Read-only: shows the photos already attached; nothing is uploaded from here.
  const [viewer] = useState(() => createAttachmentUploader());

  const instance = loaded.status === 'ready' ? loaded.value : undefined;
  const workflowKey = instance?.workflow;
  const workflowVersion = instance?.workflowVersion;
  useEffect(() => {
    if (!workflowKey) return;
    loadWorkflow(workflowKey, workflowVersion)
      .then(setWorkflow)
      .catch(() => undefined);
  }, [workflowKey, workflowVersion]);
  const startFormKey = workflow?.start.form;
  useEffect(() => {
    if (!startFormKey) return;
    workspaceApi()
      .form(startFormKey)
      .then((stored) => setStartForm(stored.body))
      .catch(() => undefined);
  }, [startFormKey]);

  if (loaded.status === 'loading') return <PageLoading />;
  if (loaded.status === 'failed') {
    return <Alert type="error" showIcon title={t('ws.instance.loadFailed', { detail: loaded.message })} action={<Button onClick={reload}>{t('app.retry')}</Button>} />;
  }
  const current = loaded.value;
  const labels = workflowLabels(workflow, locale, t);
  const reminders = current.history.filter((entry) => entry.event === 'remind');
  const lastReminder = reminders.at(-1);
  const stars = ratingOf(current);
  // The API names actors by id only; the two people a reader cares about most get names.
  const actorName = (actor: string) => (actor === auth.user?.id ? auth.user.displayName : actor === current.createdBy ? t('ws.instance.initiator') : actor);
  const onDone = (next: Instance | null, text: string) => {
    if (next) {
      setLoaded({ status: 'ready', value: next });
      void toast.success(text);
    } else {
      void toast.warning(text);
      reload();
    }
  };

  return (
    <section className="sj-ws">
      {toastHolder}
      <WorkspaceNav />
      <Typography.Title level={1} className="sj-ws-h1">
        {t('ws.instance.title', { workflow: labels.title, state: labels.state(current.state) })}
      </Typography.Title>
      <div className="sj-ws-grid">
        <div>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('ws.instance.state')}>
              <Tag color={current.final ? 'default' : 'blue'} data-state={current.state}>
                {labels.state(current.state)}
              </Tag>
              {current.final ? <Tag>{t('ws.instance.final')}</Tag> : null}
              {lastReminder ? (
                <Tag className="sj-ws-tag-warn" data-reminders={reminders.length}>
                  {t('ws.instance.reminders', { count: reminders.length, time: dayjs(lastReminder.at).format('MM-DD HH:mm') })}
                </Tag>
              ) : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('ws.instance.started')}>{dayjs(current.createdAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
            {current.task?.due ? <Descriptions.Item label={t('ws.instance.due')}>{dayjs(current.task.due).format('YYYY-MM-DD HH:mm')}</Descriptions.Item> : null}
            {stars !== undefined ? (
              <Descriptions.Item label={t('ws.instance.rating')}>
                <Stars value={stars} />
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <section aria-labelledby="ws-actions" style={{ marginBottom: 16 }}>
            <Typography.Title level={2} className="sj-ws-h2" id="ws-actions">
              {t('ws.instance.actions')}
            </Typography.Title>
            <ActionPanel key={current.version} instance={current} labels={labels} onDone={onDone} />
          </section>
          <ReferenceLookupContext.Provider value={lookupReferences}>
            {startForm ? (
              <section aria-labelledby="ws-input">
                <Typography.Title level={2} className="sj-ws-h2" id="ws-input">
                  {t('ws.instance.orderDetails')}
                </Typography.Title>
                <ShijianForm key={`${startForm.key}@${startForm.version}`} form={startForm} data={current.input} readonly uploadFile={viewer} />
              </section>
            ) : null}
            {workflow ? <SubmittedSteps instance={current} labels={labels} viewer={viewer} /> : null}
          </ReferenceLookupContext.Provider>
        </div>
        <HistoryTimeline history={current.history} labels={labels} actorName={actorName} />
      </div>
      <Link to="/workspace">{t('ws.instance.backToInbox')}</Link>
    </section>
  );
}
