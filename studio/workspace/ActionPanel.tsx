import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Input, Select, Space, Typography } from 'antd';
import type { FormDefinition } from '../../runtime/schema/form';
import { ApiError } from '../api/client';
import { createAttachmentUploader } from '../api/attachments';
import { createReferenceLookup } from '../api/references';
import { ShijianForm } from '../forms/ShijianForm';
import { ReferenceLookupContext } from '../renderers/context';
import { useAuth } from '../auth/AuthContext';
import { useLocale, useT } from '../i18n';
import { PageLoading } from '../shell/guards';
import { rerootCommandError } from './command-errors';
import { pick } from './text';
import { useUserNames } from './records/user-names';
import { TeamBoard } from './TeamBoard';
import { describeError } from './use-load';
import type { WorkflowLabels } from './workflow-labels';
import { newIdempotencyKey, workspaceApi, type AvailableAction, type Command, type Instance } from './workspace-api';

const lookupReferences = createReferenceLookup();
/** Primitives that name a person (转交, 加签, 减签, 抄送) rather than a state. */
const PERSON_TARGET = new Set(['transfer', 'addSigner', 'removeSigner', 'cc']);

/** Sends one command; the default posts to the instance's own commands route. */
export type SendCommand = (instance: Instance, command: Command, idempotencyKey: string) => Promise<Instance>;

const sendToInstance: SendCommand = (instance, command, key) => workspaceApi().command(instance.id, instance.version, command, key);

interface Props {
  instance: Instance;
  /** Where commands go when a resource has its own route (an assessment drives its instance through /assessments). */
  send?: SendCommand | undefined;
  labels: WorkflowLabels;
  /** Called with the instance the server answered, or with nothing when the view must reload. */
  onDone: (next: Instance | null, message: string) => void;
}

/** Exactly the actions the server reports for this person now; each one sends a single command. */
export function ActionPanel({ instance, labels, onDone, send = sendToInstance }: Props) {
  const t = useT();
  const { locale } = useLocale();
  const [chosen, setChosen] = useState<AvailableAction | null>(null);
  if (instance.availableActions.length === 0) {
    return <p className="sj-ws-meta">{t('ws.instance.noActions')}</p>;
  }
  if (chosen) {
    return <ActionForm key={chosen.event} action={chosen} instance={instance} labels={labels} sendCommand={send} onCancel={() => setChosen(null)} onDone={(next, message) => (setChosen(null), onDone(next, message))} />;
  }
  return (
    <Space wrap>
      {instance.availableActions.map((action, index) => (
        <Button key={action.event} type={index === 0 ? 'primary' : 'default'} onClick={() => setChosen(action)}>
          {action.title ? pick(action.title, locale) : labels.event(action.event)}
        </Button>
      ))}
    </Space>
  );
}

function ActionForm({ action, instance, labels, sendCommand, onCancel, onDone }: { action: AvailableAction; instance: Instance; labels: WorkflowLabels; sendCommand: SendCommand; onCancel: () => void; onDone: Props['onDone'] }) {
  const t = useT();
  const { locale } = useLocale();
  const title = action.title ? pick(action.title, locale) : labels.event(action.event);
  const formKey = action.form ?? labels.formOf(action.event, instance.state);
  // One key per intended command: a retry after a lost answer replays instead of acting twice.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [form, setForm] = useState<FormDefinition | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [target, setTarget] = useState<string | undefined>(action.targets?.[0]);
  const [position, setPosition] = useState<'before' | 'after' | undefined>(action.positions?.[0]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { state: auth } = useAuth();
  // A person-target's choices (the signers 减签 may remove) are user ids: named, where the reader may see the name.
  const names = useUserNames(PERSON_TARGET.has(action.event) ? (action.targets ?? []) : []);
  // Files belong to the instance's unit only when this person works there; a team leader from
  // elsewhere uploads unscoped (the server refuses a unit one does not work at).
  const worksThere = !!auth.user?.roles.some((grant) => grant.orgUnitId === instance.orgUnitId);
  const upload = useMemo(() => createAttachmentUploader(worksThere ? { orgUnitId: instance.orgUnitId } : {}), [worksThere, instance.orgUnitId]);

  useEffect(() => {
    if (!formKey) return;
    // The latest published version: a form changed in the designer shows here with no release.
    workspaceApi()
      .form(formKey)
      .then((stored) => setForm(stored.body))
      .catch((e: unknown) => setFormError(describeError(e, t)));
  }, [formKey, t]);

  const send = async (data?: Record<string, unknown>) => {
    const command: Command = { event: action.event };
    if (data !== undefined) command.data = data;
    if (comment.trim()) command.comment = comment.trim();
    if (target) command.target = target;
    if (position) command.position = position;
    try {
      const next = await sendCommand(instance, command, idempotencyKey);
      onDone(next, t('ws.instance.done', { action: title }));
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        onDone(null, t('ws.instance.stale'));
        return;
      }
      throw rerootCommandError(e);
    }
  };

  const sendPlain = async () => {
    setBusy(true);
    setError(null);
    try {
      await send();
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setBusy(false);
    }
  };

  const needsTarget = PERSON_TARGET.has(action.event) || (action.targets?.length ?? 0) > 0;
  return (
    <section aria-labelledby="ws-action-title" className="sj-ws-card" data-action={action.event}>
      <Typography.Title level={3} className="sj-ws-h2" id="ws-action-title">
        {title}
      </Typography.Title>
      {action.event === 'dispatch' ? <TeamBoard unit={instance.orgUnitId} /> : null}
      {needsTarget ? (
        <label style={{ display: 'block', marginBottom: 8 }}>
          {t('ws.instance.target')}
          {action.candidates?.length ? (
            <Select showSearch={{ optionFilterProp: 'label' }} style={{ width: '100%' }} value={target} onChange={setTarget} placeholder={t('form.selectPlaceholder')} options={action.candidates.map((person) => ({ value: person.userId, label: person.name }))} />
          ) : action.targets?.length ? (
            <Select style={{ width: '100%' }} value={target} onChange={setTarget} options={action.targets.map((s) => ({ value: s, label: PERSON_TARGET.has(action.event) ? (names(s) ?? `${t('ws.instance.someone')} (${s.slice(-4)})`) : labels.state(s) }))} />
          ) : (
            <Input value={target ?? ''} onChange={(e) => setTarget(e.target.value || undefined)} />
          )}
        </label>
      ) : null}
      {action.positions?.length ? (
        <label style={{ display: 'block', marginBottom: 8 }}>
          {t('ws.instance.position')}
          <Select style={{ width: '100%' }} value={position} onChange={setPosition} options={action.positions.map((p) => ({ value: p, label: t(p === 'before' ? 'ws.instance.before' : 'ws.instance.after') }))} />
        </label>
      ) : null}
      <label style={{ display: 'block', marginBottom: 8 }}>
        {t('ws.instance.comment')}
        <Input.TextArea value={comment} onChange={(e) => setComment(e.target.value)} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
      </label>
      {formKey && !form && !formError ? <PageLoading /> : null}
      {formError ? <Alert type="error" showIcon title={formError} /> : null}
      {form ? (
        <ReferenceLookupContext.Provider value={lookupReferences}>
          <ShijianForm key={`${form.key}@${form.version}`} form={form} uploadFile={upload} draftKey={`instance:${instance.id}:${action.event}`} onSubmit={(data) => send(data)} submitLabel={t('ws.instance.send', { action: title })} />
        </ReferenceLookupContext.Provider>
      ) : null}
      {!formKey ? (
        <Space wrap>
          <Button type="primary" loading={busy} onClick={() => void sendPlain()}>
            {t('ws.instance.send', { action: title })}
          </Button>
        </Space>
      ) : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} /> : null}
      <Button type="link" onClick={onCancel}>
        {t('ws.instance.cancel')}
      </Button>
    </section>
  );
}
