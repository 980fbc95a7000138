import { useEffect, useRef, useState } from 'react';
import { Button, Upload, type UploadFile as AntUploadFile } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useT } from '../i18n';
import type { UploadFile } from './context';

interface Pending {
  uid: string;
  name: string;
  percent: number;
  status: 'uploading' | 'error';
}

export interface UploadFieldProps {
  id: string;
  ids: string[];
  onIdsChange(next: string[]): void;
  onTouch(): void;
  onProblems(update: (previous: string[]) => string[]): void;
  kind: 'image' | 'file';
  accept: string | undefined;
  maxSizeMb: number;
  maxFiles: number;
  disabled: boolean;
  uploadFile: UploadFile | undefined;
  /** Files the person picked before this widget had loaded: uploaded on mount as if picked here. */
  picked?: File[] | undefined;
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

const handedOver = new WeakSet<File[]>();

/** A FileList where the browser can build one (DataTransfer), else the array itself: antd reads both alike. */
function filesOf(files: File[]): FileList | File[] {
  if (typeof DataTransfer === 'undefined') return files;
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  return transfer.files;
}

/** antd's Upload with our limits and the injected uploader; on its own chunk, loaded by UploadControl. */
export default function UploadField({ id, ids, onIdsChange, onTouch, onProblems, kind, accept, maxSizeMb, maxFiles, disabled, uploadFile, picked }: UploadFieldProps) {
  const t = useT();
  const host = useRef<HTMLDivElement>(null);
  // Once, on mount: the files picked before this loaded go through antd's own input, so the same checks,
  // progress and list apply to them as to any later pick.
  const pickedOnMount = useRef(picked);
  useEffect(() => {
    const files = pickedOnMount.current;
    const input = host.current?.querySelector<HTMLInputElement>('input[type=file]');
    // A pick is handed over once, however often this widget mounts (a re-suspending tree, StrictMode).
    if (!files?.length || !input || handedOver.has(files)) return;
    handedOver.add(files);
    Object.defineProperty(input, 'files', { configurable: true, value: filesOf(files) });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    host.current?.querySelector<HTMLElement>('.ant-upload[role=button]')?.focus();
  }, []);
  // Uploads finish in any order; each completion must append to the ids as they are then, not as they were at start.
  const idsRef = useRef(ids);
  useEffect(() => {
    idsRef.current = ids;
  }, [ids]);
  const [names, setNames] = useState<Record<string, { name: string; url?: string | undefined }>>({});
  const [pending, setPending] = useState<Pending[]>([]);
  const acceptedInBatch = useRef(0);

  const commit = (next: string[]) => {
    idsRef.current = next;
    onIdsChange(next);
  };

  const fileList: AntUploadFile[] = [
    ...ids.map((fileId): AntUploadFile => ({ uid: fileId, name: names[fileId]?.name ?? fileId, status: 'done', url: names[fileId]?.url ?? uploadFile?.urlOf?.(fileId) })),
    ...pending.map((p): AntUploadFile => ({ uid: p.uid, name: p.name, status: p.status, percent: p.percent })),
  ];
  const atLimit = ids.length + pending.filter((p) => p.status === 'uploading').length >= maxFiles;

  return (
    <div ref={host} className="sj-upload">
      <Upload
        id={id}
        accept={accept}
        multiple={maxFiles > 1}
        listType={kind === 'image' ? 'picture-card' : 'text'}
        fileList={fileList}
        disabled={disabled}
        beforeUpload={(file, batch) => {
          if (batch.indexOf(file) === 0) {
            acceptedInBatch.current = 0;
            onProblems(() => []);
          }
          const reasons: string[] = [];
          const used = idsRef.current.length + pending.filter((p) => p.status === 'uploading').length + acceptedInBatch.current;
          if (!matchesAccept(file, accept)) reasons.push(t('upload.wrongType', { name: file.name }));
          else if (file.size > maxSizeMb * 1024 * 1024) reasons.push(t('upload.tooLarge', { name: file.name, max: maxSizeMb }));
          else if (used >= maxFiles) reasons.push(t('upload.tooMany', { max: maxFiles }));
          if (reasons.length > 0) {
            onProblems((previous) => [...new Set([...previous, ...reasons])]);
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
              onTouch();
              commit([...idsRef.current, uploaded.id]);
              onSuccess?.(uploaded);
            })
            .catch((reason: unknown) => {
              setPending((prev) => prev.map((p) => (p.uid === raw.uid ? { ...p, status: 'error' } : p)));
              onProblems((previous) => [...previous, t('upload.failed', { name: raw.name })]);
              onError?.(reason instanceof Error ? reason : new Error(String(reason)));
            });
        }}
        onRemove={(file) => {
          if (ids.includes(file.uid)) commit(ids.filter((v) => v !== file.uid));
          else setPending((prev) => prev.filter((p) => p.uid !== file.uid));
          onTouch();
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
    </div>
  );
}
