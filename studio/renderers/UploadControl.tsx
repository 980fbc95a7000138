import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { Button, Upload, type UploadFile as AntUploadFile } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { and, optionIs, or, rankWith, schemaMatches, uiTypeIs, type ControlProps } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { useT } from '../i18n';
import { UploadContext, useControlState } from './context';
import { FieldShell } from './FieldShell';

interface Pending {
  uid: string;
  name: string;
  percent: number;
  status: 'uploading' | 'error';
}

/** `accept` as the browser understands it (`image/*,.pdf`), checked again here because pickers let people choose "all files". */
export function matchesAccept(file: { name: string; type: string }, accept: string | undefined): boolean {
  if (!accept) return true;
  const name = file.name.toLowerCase();
  return accept
    .split(',')
    .map((a) => a.trim().toLowerCase())
    .filter(Boolean)
    .some((rule) => (rule.startsWith('.') ? name.endsWith(rule) : rule.endsWith('/*') ? file.type.startsWith(rule.slice(0, -1)) : file.type === rule));
}

function UploadControlView({ data, handleChange, path, id, label, required, description, enabled, visible, uischema }: ControlProps) {
  const t = useT();
  const state = useControlState(path);
  const uploadFile = useContext(UploadContext);
  const options = uischema.options ?? {};
  const kind = options.upload === 'image' ? 'image' : 'file';
  const accept = typeof options.accept === 'string' ? options.accept : kind === 'image' ? 'image/*' : undefined;
  const maxSizeMb = typeof options.maxSizeMb === 'number' ? options.maxSizeMb : 10;
  const maxFiles = typeof options.maxFiles === 'number' ? options.maxFiles : kind === 'image' ? 9 : 5;

  const ids = useMemo(() => (Array.isArray(data) ? data.filter((v): v is string => typeof v === 'string') : []), [data]);
  // Uploads finish in any order; each completion must append to the ids as they are then, not as they were at start.
  const idsRef = useRef(ids);
  useEffect(() => {
    idsRef.current = ids;
  }, [ids]);
  const [names, setNames] = useState<Record<string, { name: string; url?: string | undefined }>>({});
  const [pending, setPending] = useState<Pending[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const acceptedInBatch = useRef(0);

  const commit = useCallback(
    (next: string[]) => {
      idsRef.current = next;
      handleChange(path, next.length > 0 ? next : undefined);
    },
    [handleChange, path],
  );

  if (!visible || !state.visible) return null;
  const disabled = !enabled || !state.enabled || state.computed || !uploadFile;

  const fileList: AntUploadFile[] = [
    ...ids.map((fileId): AntUploadFile => ({ uid: fileId, name: names[fileId]?.name ?? fileId, status: 'done', url: names[fileId]?.url })),
    ...pending.map((p): AntUploadFile => ({ uid: p.uid, name: p.name, status: p.status, percent: p.percent })),
  ];
  const atLimit = ids.length + pending.filter((p) => p.status === 'uploading').length >= maxFiles;
  const error = [state.error, ...problems].filter(Boolean).join('；') || undefined;

  return (
    <FieldShell id={id} label={label} required={required} description={description ?? t('upload.limits', { maxFiles, maxSizeMb })} error={error} group>
      <Upload
        id={id}
        accept={accept}
        multiple={maxFiles > 1}
        listType={kind === 'image' ? 'picture-card' : 'text'}
        fileList={fileList}
        disabled={disabled}
        beforeUpload={(file, batch) => {
          const position = batch.indexOf(file);
          if (position === 0) {
            acceptedInBatch.current = 0;
            setProblems([]);
          }
          const reasons: string[] = [];
          const used = idsRef.current.length + pending.filter((p) => p.status === 'uploading').length + acceptedInBatch.current;
          if (!matchesAccept(file, accept)) reasons.push(t('upload.wrongType', { name: file.name }));
          else if (file.size > maxSizeMb * 1024 * 1024) reasons.push(t('upload.tooLarge', { name: file.name, max: maxSizeMb }));
          else if (used >= maxFiles) reasons.push(t('upload.tooMany', { max: maxFiles }));
          if (reasons.length > 0) {
            setProblems((prev) => [...new Set([...prev, ...reasons])]);
            return Upload.LIST_IGNORE;
          }
          acceptedInBatch.current += 1;
          return true;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          if (!uploadFile || typeof file === 'string' || !('uid' in file)) return;
          const raw = file as File & { uid: string };
          setPending((prev) => [...prev, { uid: raw.uid, name: raw.name, percent: 0, status: 'uploading' }]);
          uploadFile(raw, (percent) => setPending((prev) => prev.map((p) => (p.uid === raw.uid ? { ...p, percent } : p))))
            .then((uploaded) => {
              setNames((prev) => ({ ...prev, [uploaded.id]: { name: uploaded.name, url: uploaded.url } }));
              setPending((prev) => prev.filter((p) => p.uid !== raw.uid));
              state.touch();
              commit([...idsRef.current, uploaded.id]);
              onSuccess?.(uploaded);
            })
            .catch((reason: unknown) => {
              setPending((prev) => prev.map((p) => (p.uid === raw.uid ? { ...p, status: 'error' } : p)));
              setProblems((prev) => [...prev, t('upload.failed', { name: raw.name })]);
              onError?.(reason instanceof Error ? reason : new Error(String(reason)));
            });
        }}
        onRemove={(file) => {
          if (ids.includes(file.uid)) commit(ids.filter((v) => v !== file.uid));
          else setPending((prev) => prev.filter((p) => p.uid !== file.uid));
          state.touch();
          return true;
        }}
      >
        {atLimit || disabled ? null : kind === 'image' ? (
          <div>
            <PlusOutlined />
            <div style={{ marginTop: 8 }}>{t('upload.image')}</div>
          </div>
        ) : (
          <Button icon={<UploadOutlined />}>{t('upload.file')}</Button>
        )}
      </Upload>
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
