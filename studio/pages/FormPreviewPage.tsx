import { useEffect, useState } from 'react';
import { Alert, Button, Segmented, Space, Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router-dom';
import type { FormDefinition } from '../../runtime/schema/form';
import { ApiError } from '../api/client';
import { definitionsApi, type StoredDefinition } from '../api/endpoints';
import { createReferenceLookup } from '../api/references';
import { ReferenceLookupContext } from '../renderers/context';
import { FormPreview } from '../forms/FormPreview';
import { useLocale, useT, type Locale } from '../i18n';
import { PageLoading } from '../shell/guards';

// Read-only lookups, so references in the previewed form show real teams and units.
const lookupReferences = createReferenceLookup();

type Load = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; definition: StoredDefinition<FormDefinition> };

/** `/preview/form/:key?version=N`: a stored form definition rendered as the workspace will render it. */
export default function FormPreviewPage() {
  const t = useT();
  const { locale } = useLocale();
  const { key = '' } = useParams();
  const [search] = useSearchParams();
  const version = search.get('version') ? Number(search.get('version')) : undefined;
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // Designers check both languages of a form without switching the whole studio.
  const [formLocale, setFormLocale] = useState<Locale>(locale);
  useEffect(() => setFormLocale(locale), [locale]);

  useEffect(() => {
    const controller = new AbortController();
    setLoad({ status: 'loading' });
    definitionsApi()
      .getForm(key, version, controller.signal)
      .then((definition) => setLoad({ status: 'ready', definition }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const detail = error instanceof ApiError ? (error.isNetwork ? t('api.network') : (error.detail ?? error.title)) : String(error);
        setLoad({ status: 'failed', message: t('preview.loadFailed', { detail }) });
      });
    return () => controller.abort();
  }, [key, version, attempt, t]);

  if (load.status === 'loading') return <PageLoading />;
  if (load.status === 'failed') {
    return (
      <Alert
        type="error"
        showIcon
        title={load.message}
        action={<Button onClick={() => setAttempt((n) => n + 1)}>{t('app.retry')}</Button>}
      />
    );
  }
  const form = load.definition.body;
  return (
    <section>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('preview.title', { title: form.title[locale] ?? form.title['zh-CN'] })}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('preview.version', { version: load.definition.version })}</Typography.Text>
        <span id="preview-form-language">{t('preview.formLanguage')}</span>
        <Segmented<Locale>
          aria-labelledby="preview-form-language"
          value={formLocale}
          onChange={setFormLocale}
          options={[
            { value: 'zh-CN', label: <span lang="zh-CN">{t('lang.zh-CN')}</span> },
            { value: 'en', label: <span lang="en">{t('lang.en')}</span> },
          ]}
        />
      </Space>
      <ReferenceLookupContext.Provider value={lookupReferences}>
        <FormPreview key={`${form.key}@${load.definition.version}`} form={form} locale={formLocale} />
      </ReferenceLookupContext.Provider>
    </section>
  );
}
