import { useMemo, useState } from 'react';
import { Alert, Button, Select, Typography, message } from 'antd';
import dayjs from 'dayjs';
import type { FormDefinition } from '../../../runtime/schema/form';
import { api } from '../../api/client';
import { createAttachmentUploader } from '../../api/attachments';
import { createReferenceLookup } from '../../api/references';
import { ShijianForm } from '../../forms/ShijianForm';
import { ReferenceLookupContext } from '../../renderers/context';
import { useLocale, useT } from '../../i18n';
import { PageLoading } from '../../shell/guards';
import { rerootCommandError } from '../command-errors';
import { pick } from '../text';
import { useLoad } from '../use-load';
import { workspaceApi } from '../workspace-api';

// The standalone record forms of the pack; each is a published form definition, so edits show at once.
const RECORD_FORMS = ['activity-record', 'meeting-record', 'training-record', 'volunteer-registration', 'team-registration'] as const;
const lookupReferences = createReferenceLookup();

interface Submission {
  id: string;
  formKey: string;
  formVersion: number;
  orgUnitId: string;
  submittedAt: string;
  data: Record<string, unknown>;
}

function headline(data: Record<string, unknown>): string {
  for (const key of ['title', 'topic', 'name', 'realName']) if (typeof data[key] === 'string') return data[key];
  return '';
}

/** 台账 forms: activities, meetings, trainings, volunteer and team registrations, filed at `unitId`. */
export function RecordForms({ unitId }: { unitId: string | undefined }) {
  const t = useT();
  const { locale } = useLocale();
  const [formKey, setFormKey] = useState<string>(RECORD_FORMS[0]);
  const [toast, toastHolder] = message.useMessage();
  // Bumped after each saved record: the form starts empty again, so a second press cannot file it twice.
  const [filed, setFiled] = useState(0);
  // All record forms at once: the type picker shows their titles, and switching type needs no round trip.
  const [forms] = useLoad(async () => new Map(await Promise.all(RECORD_FORMS.map(async (key) => [key, (await workspaceApi().form(key)).body] as const))), [], t);
  const [recent, reloadRecent] = useLoad((signal) => api.get<{ items: Submission[] }>(`/api/forms/${formKey}/submissions`, { query: { limit: 10 }, signal }), [formKey], t);
  const upload = useMemo(() => createAttachmentUploader(unitId ? { orgUnitId: unitId } : {}), [unitId]);
  const definitionOf = (key: string): FormDefinition | undefined => (forms.status === 'ready' ? forms.value.get(key as (typeof RECORD_FORMS)[number]) : undefined);
  const titleOf = (key: string) => pick(definitionOf(key)?.title, locale, key);
  const form = definitionOf(formKey);

  return (
    <div>
      {toastHolder}
      <div className="sj-ws-row" style={{ justifyContent: 'flex-start', marginBottom: 12 }}>
        <Select aria-label={t('ws.records.kind')} style={{ minWidth: 180 }} value={formKey} onChange={setFormKey} options={RECORD_FORMS.map((key) => ({ value: key, label: titleOf(key) }))} />
      </div>
      {forms.status === 'loading' ? <PageLoading /> : null}
      {forms.status === 'failed' ? <Alert type="error" showIcon title={forms.message} /> : null}
      {form && unitId ? (
        <ReferenceLookupContext.Provider value={lookupReferences}>
          <ShijianForm
            key={`${formKey}@${form.version}#${filed}`}
            form={form}
            uploadFile={upload}
            draftKey={`record:${formKey}`}
            submitLabel={t('ws.records.submit')}
            onSubmit={async (data) => {
              try {
                await api.post(`/api/forms/${encodeURIComponent(formKey)}/submissions`, { orgUnitId: unitId, data });
              } catch (error) {
                throw rerootCommandError(error);
              }
              void toast.success(t('ws.records.saved'));
              setFiled((n) => n + 1);
              reloadRecent();
            }}
          />
        </ReferenceLookupContext.Provider>
      ) : null}
      <Typography.Title level={2} className="sj-ws-h2">
        {t('ws.records.recent')}
      </Typography.Title>
      {recent.status === 'ready' && recent.value.items.length === 0 ? <p>{t('ws.records.empty')}</p> : null}
      {recent.status === 'failed' ? <Alert type="warning" showIcon title={recent.message} action={<Button onClick={reloadRecent}>{t('app.retry')}</Button>} /> : null}
      <ul className="sj-ws-list">
        {recent.status === 'ready'
          ? recent.value.items.map((item) => (
              <li key={item.id} className="sj-ws-card" data-record={item.id}>
                <strong>{headline(item.data) || titleOf(item.formKey)}</strong>
                <div className="sj-ws-meta">{t('ws.records.by', { time: dayjs(item.submittedAt).format('YYYY-MM-DD HH:mm') })}</div>
              </li>
            ))
          : null}
      </ul>
    </div>
  );
}
