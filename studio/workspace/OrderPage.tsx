import { useMemo } from 'react';
import { Alert, Button } from 'antd';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { FormDefinition } from '../../runtime/schema/form';
import { createAttachmentUploader } from '../api/attachments';
import { createReferenceLookup } from '../api/references';
import { useAuth } from '../auth/AuthContext';
import { ShijianForm } from '../forms/ShijianForm';
import { ReferenceLookupContext } from '../renderers/context';
import { useLocale, useT } from '../i18n';
import { PageLoading } from '../shell/guards';
import { rerootCommandError } from './command-errors';
import type { MenuItem } from './menu-data';
import { pick } from './text';
import { useLoad } from './use-load';
import { workspaceApi } from './workspace-api';
import { ORDERING_ROLES, WorkspaceNav } from './WorkspaceNav';
import './workspace.css';

const lookupReferences = createReferenceLookup();
const DEFAULT_ORDER_FORM = 'service-order';
const DEFAULT_ORDER_WORKFLOW = 'five-order';

async function loadOrder(itemKey: string | null): Promise<{ item: MenuItem | null; form: FormDefinition }> {
  const client = workspaceApi();
  const item = itemKey ? (await client.definition<MenuItem>('serviceItem', itemKey)).body : null;
  // The latest published form: a changed definition shows on the next visit, with no release.
  const form = (await client.form(item?.orderForm ?? DEFAULT_ORDER_FORM)).body;
  return { item, form };
}

/** 点单 on a phone: a resident for themself, or station staff (帮办员) for someone without a phone. */
export default function OrderPage() {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const itemKey = search.get('item');
  const { state } = useAuth();
  const grant = state.user?.roles.find((g) => ORDERING_ROLES.includes(g.role));
  const [loaded, reload] = useLoad(() => loadOrder(itemKey), [itemKey], t);
  const upload = useMemo(() => createAttachmentUploader(grant ? { orgUnitId: grant.orgUnitId } : {}), [grant]);

  if (!grant) return <Alert type="warning" showIcon title={t('ws.order.noUnit')} />;
  return (
    <section className="sj-ws">
      <WorkspaceNav />
      {/* A plain heading: antd's Typography (ellipsis, copy, edit) weighs 12 KB this phone page does not need. */}
      <h1 className="sj-ws-h1">{t('ws.order.title')}</h1>
      <p className="sj-ws-meta">
        {t('ws.order.forUnit', { unit: grant.orgUnitName })}
      </p>
      {grant.role !== 'resident' ? <Alert type="info" showIcon title={t('ws.order.proxyHint')} style={{ marginBottom: 12 }} /> : null}
      {loaded.status === 'loading' ? <PageLoading /> : null}
      {loaded.status === 'failed' ? <Alert type="error" showIcon title={loaded.message} action={<Button onClick={reload}>{t('app.retry')}</Button>} /> : null}
      {loaded.status === 'ready' ? (
        <>
          {loaded.value.item ? <p>{t('ws.order.item', { item: pick(loaded.value.item.title, locale) })}</p> : null}
          <ReferenceLookupContext.Provider value={lookupReferences}>
            <ShijianForm
              key={`${loaded.value.form.key}@${loaded.value.form.version}:${itemKey ?? ''}`}
              form={loaded.value.form}
              data={itemKey ? { serviceItem: itemKey, ...(loaded.value.item ? { category: loaded.value.item.category } : {}) } : {}}
              draftKey={`order:${itemKey ?? 'custom'}`}
              uploadFile={upload}
              submitLabel={t('ws.order.submit')}
              onSubmit={async (data) => {
                try {
                  const started = await workspaceApi().start(loaded.value.item?.workflow ?? DEFAULT_ORDER_WORKFLOW, grant.orgUnitId, data);
                  navigate(`/workspace/instances/${encodeURIComponent(started.id)}`);
                } catch (error) {
                  throw rerootCommandError(error);
                }
              }}
            />
          </ReferenceLookupContext.Provider>
        </>
      ) : null}
    </section>
  );
}
