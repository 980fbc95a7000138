import { Suspense, use, useCallback, useState } from 'react';
import { Card, Typography } from 'antd';
import type { FormDefinition } from '../../runtime/schema/form';
import { useT, type Locale } from '../i18n';
import type { UploadFile } from '../renderers/context';
import type { FormIssueLike } from './issues';
import { ShijianForm, type FormData } from './ShijianForm';
import { preloadRenderers } from '../renderers';
import { PageLoading } from '../shell/guards';

// A preview shows whatever field types the designer adds: it waits for every renderer once (they load in
// parallel with the preview's own code) and then renders its frames in one go, rather than rendering a
// 200-field form again each time another field type arrives. Offline, it renders with what it has.
const everyRenderer = preloadRenderers().then(
  () => undefined,
  () => undefined,
);

export type PreviewFrames = 'both' | 'desktop' | 'phone';

export interface FormPreviewProps {
  form: FormDefinition;
  data?: FormData;
  frames?: PreviewFrames;
  locale?: Locale;
  uploadFile?: UploadFile;
  onChange?: (data: FormData, issues: FormIssueLike[]) => void;
}

/**
 * The same form at desktop width and in a 360 px phone frame, sharing one data object, so a designer
 * sees both layouts react to the same input; below, the data and the issues as the runtime sees them.
 */
export function FormPreview(props: FormPreviewProps) {
  return (
    <Suspense fallback={<PageLoading />}>
      <Frames {...props} />
    </Suspense>
  );
}

function Frames({ form, data: initial, frames = 'both', locale, uploadFile, onChange }: FormPreviewProps) {
  use(everyRenderer);
  const t = useT();
  const [data, setData] = useState<FormData>(initial ?? {});
  const [issues, setIssues] = useState<FormIssueLike[]>([]);
  const change = useCallback(
    (next: FormData, nextIssues: FormIssueLike[]) => {
      setData(next);
      setIssues(nextIssues);
      onChange?.(next, nextIssues);
    },
    [onChange],
  );
  const message = (issue: FormIssueLike) => (locale === 'en' ? (issue.message.en ?? issue.message['zh-CN']) : issue.message['zh-CN']);
  return (
    <div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'flex-start' }}>
        {frames !== 'phone' ? (
          <section aria-label={t('preview.desktop')} style={{ flex: '1 1 640px', minWidth: 0 }} data-frame="desktop">
            <Card title={t('preview.desktop')} size="small">
              <ShijianForm form={form} data={data} onChange={change} locale={locale} uploadFile={uploadFile} width={frames === 'both' ? 'desktop' : undefined} />
            </Card>
          </section>
        ) : null}
        {frames !== 'desktop' ? (
          <section aria-label={t('preview.phone')} data-frame="phone">
            <Typography.Text type="secondary">{t('preview.phone')}</Typography.Text>
            <div className="sj-phone-frame">
              <ShijianForm form={form} data={data} onChange={change} locale={locale} uploadFile={uploadFile} width="phone" />
            </div>
          </section>
        ) : null}
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, marginTop: 16 }}>
        <Card title={t('preview.issues')} size="small" style={{ flex: '1 1 300px' }}>
          {issues.length === 0 ? (
            <Typography.Text type="success">{t('preview.noIssues')}</Typography.Text>
          ) : (
            <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="preview-issues">
              {issues.map((issue, index) => (
                <li key={`${issue.pointer}-${index}`}>
                  <code>{issue.pointer || '/'}</code> {message(issue)}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t('preview.data')} size="small" style={{ flex: '1 1 300px', minWidth: 0 }}>
          <pre style={{ margin: 0, maxHeight: 320, overflow: 'auto', fontSize: 12 }} data-testid="preview-data">
            {JSON.stringify(data, null, 2)}
          </pre>
        </Card>
      </div>
    </div>
  );
}
