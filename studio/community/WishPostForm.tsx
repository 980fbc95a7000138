import { useMemo, useRef, useState } from 'react';
import { Alert, Button, Input } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { attachmentUrl, createAttachmentUploader } from '../api/attachments';
import type { UploadedFile } from '../renderers/context';
import { useT } from '../i18n';
import { describeError } from '../workspace/use-load';
import { communityApi, type Wish } from './community-api';

const maxPhotos = 9;

/** Post a wish: a few words and up to nine photos, uploaded as they are picked. */
export function WishPostForm({ onPosted }: { onPosted: (wish: Wish) => void }) {
  const t = useT();
  // Filed without a unit: the teams of the institute who may take the wish must see its photos.
  const upload = useMemo(() => createAttachmentUploader(), []);
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<UploadedFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [textError, setTextError] = useState<string>();

  const pickPhotos = async (files: FileList | null) => {
    if (!files) return;
    setBusy(true);
    setError(undefined);
    try {
      for (const file of Array.from(files).slice(0, maxPhotos - photos.length)) {
        const stored = await upload(file, () => {});
        setPhotos((current) => [...current, stored]);
      }
    } catch (failure) {
      setError(describeError(failure, t));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const submit = async () => {
    if (text.trim().length < 2) {
      setTextError(t('cm.wish.textRequired'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const wish = await communityApi().postWish({ text: text.trim(), photos: photos.map((photo) => photo.id) });
      setText('');
      setPhotos([]);
      onPosted(wish);
    } catch (failure) {
      setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="sj-ws-card"
      aria-label={t('cm.wish.postTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label className="sj-cm-field">
        <span>{t('cm.wish.text')}</span>
        <Input.TextArea
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setTextError(undefined);
          }}
          rows={3}
          maxLength={1000}
          placeholder={t('cm.wish.textHint')}
          status={textError ? 'error' : undefined}
          aria-invalid={textError ? true : undefined}
        />
        {textError ? <span role="alert" className="sj-cm-error">{textError}</span> : null}
      </label>
      <div className="sj-cm-photos">
        {photos.map((photo) => (
          <img key={photo.id} src={attachmentUrl(photo.id)} alt={t('cm.wish.photoAlt', { name: photo.name })} />
        ))}
      </div>
      <input ref={input} type="file" accept="image/*" multiple hidden aria-label={t('cm.wish.addPhoto')} onChange={(event) => void pickPhotos(event.target.files)} />
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} /> : null}
      <div className="sj-cm-actions">
        <Button icon={<CameraOutlined />} onClick={() => input.current?.click()} disabled={busy || photos.length >= maxPhotos}>
          {t('cm.wish.addPhoto')}
        </Button>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('cm.wish.post')}
        </Button>
      </div>
    </form>
  );
}
