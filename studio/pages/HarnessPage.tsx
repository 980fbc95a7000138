import { useEffect } from 'react';
import { Alert, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import type { FormDefinition } from '../../runtime/schema/form';
import { createAttachmentUploader } from '../api/attachments';
import { FormPreview, type PreviewFrames } from '../forms/FormPreview';
import type { FormIssueLike } from '../forms/issues';
import type { FormData } from '../forms/ShijianForm';
import { isLocale, useLocale, useT } from '../i18n';
import type { UploadFile } from '../renderers/context';

declare global {
  interface Window {
    __SHIJIAN_FORM__?: FormDefinition;
    __SHIJIAN_DATA__?: FormData;
    __SHIJIAN_STATE__?: { data: FormData; issues: FormIssueLike[] };
    __SHIJIAN_READY__?: number;
  }
}

const serverUpload = createAttachmentUploader();
let uploads = 0;
/** Stands in for the attachments API so the harness needs no server: reports progress, then an id. */
const localUpload: UploadFile = (file, onProgress) =>
  new Promise((resolve) => {
    const id = `local-${++uploads}`;
    let percent = 0;
    const tick = () => {
      percent += 50;
      onProgress(percent);
      if (percent >= 100) resolve({ id, name: file.name });
      else setTimeout(tick, 20);
    };
    setTimeout(tick, 20);
  });

/**
 * `#/harness/form?frames=both|desktop|phone&locale=zh-CN|en&uploader=server`: renders
 * `window.__SHIJIAN_FORM__` for browser tests and benchmarks against the production build; without a
 * server unless `uploader=server` sends uploads to the attachments API.
 */
export default function HarnessPage() {
  const t = useT();
  const { locale: appLocale } = useLocale();
  const [search] = useSearchParams();
  const framesParam = search.get('frames');
  const frames: PreviewFrames = framesParam === 'desktop' || framesParam === 'phone' ? framesParam : 'both';
  const localeParam = search.get('locale');
  const locale = isLocale(localeParam) ? localeParam : appLocale;
  const form = window.__SHIJIAN_FORM__;

  useEffect(() => {
    window.__SHIJIAN_READY__ = performance.now();
  }, []);

  if (!form) return <Alert type="warning" showIcon title={t('harness.missing')} style={{ margin: 16 }} />;
  return (
    <main style={{ padding: 12 }}>
      <Typography.Title level={1} style={{ fontSize: 20 }}>
        {form.title[locale] ?? form.title['zh-CN']}
      </Typography.Title>
      <FormPreview
        form={form}
        data={window.__SHIJIAN_DATA__}
        frames={frames}
        locale={locale}
        uploadFile={search.get('uploader') === 'server' ? serverUpload : localUpload}
        onChange={(data, issues) => {
          window.__SHIJIAN_STATE__ = { data, issues };
        }}
      />
    </main>
  );
}
