import { lazy, Suspense, useCallback, useContext, useMemo, useRef, useState } from 'react';
import { Button } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { and, optionIs, or, rankWith, schemaMatches, uiTypeIs, type ControlProps } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { useT } from '../i18n';
import { UploadContext, useControlState } from './context';
import { FieldShell } from './FieldShell';

// antd's Upload (with its progress, tooltip and preview parts, about 20 KB gzipped) loads only when a form
// shows files already attached or the person has picked files. Until then a plain button opens the phone's
// own picker through a native file input, and the files picked are handed to the Upload once it is there.
const loadUploadField = () => import('./UploadField');
const UploadField = lazy(loadUploadField);
const preload = () => void loadUploadField().catch(() => undefined);

function UploadControlView({ data, handleChange, path, id, label, required, description, enabled, visible, uischema }: ControlProps) {
  const t = useT();
  const state = useControlState(path);
  const uploadFile = useContext(UploadContext);
  const [problems, setProblems] = useState<string[]>([]);
  const options = uischema.options ?? {};
  const kind = options.upload === 'image' ? 'image' : 'file';
  const accept = typeof options.accept === 'string' ? options.accept : kind === 'image' ? 'image/*' : undefined;
  const maxSizeMb = typeof options.maxSizeMb === 'number' ? options.maxSizeMb : 10;
  const maxFiles = typeof options.maxFiles === 'number' ? options.maxFiles : kind === 'image' ? 9 : 5;
  const ids = useMemo(() => (Array.isArray(data) ? data.filter((v): v is string => typeof v === 'string') : []), [data]);
  const onIdsChange = useCallback((next: string[]) => handleChange(path, next.length > 0 ? next : undefined), [handleChange, path]);
  const [picked, setPicked] = useState<File[] | null>(null);
  const picker = useRef<HTMLInputElement>(null);

  if (!visible || !state.visible) return null;
  const readonly = !enabled || !state.enabled || state.computed;
  const disabled = readonly || !uploadFile;
  const error = [state.error, ...problems].filter(Boolean).join('；') || undefined;

  return (
    // Read-only with nothing attached: say so, rather than the limits of an upload nobody can make here.
    <FieldShell id={id} label={label} required={required} description={readonly ? description : (description ?? t('upload.limits', { maxFiles, maxSizeMb }))} error={error} group>
      {picked === null && ids.length === 0 ? (
        readonly ? (
          <span className="sj-extra" data-no-files>
            {t('upload.none')}
          </span>
        ) : disabled ? null : (
          <>
            <Button id={id} icon={kind === 'image' ? <PlusOutlined /> : <UploadOutlined />} onPointerEnter={preload} onFocus={preload} onTouchStart={preload} onClick={() => picker.current?.click()}>
              {t(kind === 'image' ? 'upload.image' : 'upload.file')}
            </Button>
            <input
              ref={picker}
              type="file"
              hidden
              tabIndex={-1}
              accept={accept}
              multiple={maxFiles > 1}
              onChange={(event) => {
                const files = [...(event.target.files ?? [])];
                if (files.length > 0) setPicked(files);
              }}
            />
          </>
        )
      ) : (
        <Suspense fallback={<Button disabled aria-busy="true">{t(kind === 'image' ? 'upload.image' : 'upload.file')}</Button>}>
          <UploadField
            picked={picked ?? undefined}
            id={id}
            ids={ids}
            onIdsChange={onIdsChange}
            onTouch={state.touch}
            onProblems={setProblems}
            kind={kind}
            accept={accept}
            maxSizeMb={maxSizeMb}
            maxFiles={maxFiles}
            disabled={disabled}
            uploadFile={uploadFile}
          />
        </Suspense>
      )}
      {!uploadFile ? <div className="sj-extra">{t('upload.noUploader')}</div> : null}
    </FieldShell>
  );
}

export const UploadControl = withJsonFormsControlProps(UploadControlView);
export const uploadControlTester = rankWith(
  5,
  and(
    uiTypeIs('Control'),
    or(optionIs('upload', 'image'), optionIs('upload', 'file')),
    schemaMatches((schema) => {
      const items = schema.items;
      return schema.type === 'array' && !!items && !Array.isArray(items) && typeof items === 'object' && (items as { type?: unknown }).type === 'string';
    }),
  ),
);
