import { useState } from 'react';
import { Alert, Button, Checkbox, Input, Typography, message } from 'antd';
import dayjs from 'dayjs';
import { createAttachmentUploader } from '../../api/attachments';
import { useT } from '../../i18n';
import { assessmentApi } from '../assessment-api';
import { FilePickButton } from '../FilePickButton';
import { describeError } from '../use-load';
import { newIdempotencyKey, type Instance } from '../workspace-api';
import { appealData, appealWindowEnds } from './appeal-data';

export interface RubricItemOption {
  key: string;
  title: string;
}

/** 申诉: during public notice the unit names the items it contests, gives its reasons and attaches evidence. */
export function AppealForm({ assessmentId, orgUnitId, instance, items, onDone }: { assessmentId: string; orgUnitId: string; instance: Instance; items: readonly RubricItemOption[]; onDone: () => void }) {
  const t = useT();
  const [chosen, setChosen] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [evidence, setEvidence] = useState<{ id: string; name: string }[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per intended appeal, so a retry after a lost answer never appeals twice.
  const [key] = useState(newIdempotencyKey);
  const [toast, toastHolder] = message.useMessage();
  const ends = appealWindowEnds(instance);
  const upload = createAttachmentUploader({ orgUnitId });

  const addEvidence = async (file: File) => {
    try {
      const stored = await upload(file, () => undefined);
      setEvidence((current) => [...current, { id: stored.id, name: stored.name }]);
    } catch (error) {
      setProblem(describeError(error, t));
    }
  };
  const submit = async () => {
    const checked = appealData({ items: chosen, reason, attachments: evidence.map((file) => file.id) });
    if (!checked.ok) {
      setProblem(checked.missing.map((field) => (field === 'items' ? t('ws.appeal.needItems') : t('ws.appeal.needReason'))).join(' '));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await assessmentApi().command(assessmentId, instance.version, { event: 'appeal', data: checked.data }, key);
      void toast.success(t('ws.appeal.sent'));
      onDone();
    } catch (error) {
      setProblem(describeError(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="sj-ws-card"
      aria-labelledby="ws-appeal"
      data-appeal-form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {toastHolder}
      <Typography.Title level={2} className="sj-ws-h2" id="ws-appeal">
        {t('ws.appeal.title')}
      </Typography.Title>
      {ends ? <p className="sj-ws-meta">{t('ws.appeal.window', { time: dayjs(ends).format('YYYY-MM-DD HH:mm') })}</p> : null}
      <fieldset style={{ border: 0, padding: 0, margin: '0 0 8px' }}>
        <legend className="sj-ws-meta">{t('ws.appeal.items')}</legend>
        <Checkbox.Group value={chosen} onChange={(values) => setChosen(values as string[])} style={{ display: 'flex', flexDirection: 'column', gap: 4 }} options={items.map((item) => ({ value: item.key, label: t('ws.appeal.item', { key: item.key.toUpperCase(), title: item.title }) }))} />
      </fieldset>
      <label className="sj-ws-meta" htmlFor="ws-appeal-reason">
        {t('ws.appeal.reason')}
      </label>
      <Input.TextArea id="ws-appeal-reason" rows={4} maxLength={2000} value={reason} onChange={(event) => setReason(event.target.value)} style={{ marginBottom: 8 }} />
      <div style={{ marginBottom: 8 }}>
        <FilePickButton label={t('ws.appeal.evidence')} accept="image/*,application/pdf" onPick={(file) => void addEvidence(file)} />
      </div>
      {evidence.length > 0 ? (
        <ul className="sj-ws-meta" data-appeal-evidence={evidence.length}>
          {evidence.map((file) => (
            <li key={file.id}>{file.name}</li>
          ))}
        </ul>
      ) : null}
      {problem ? <Alert type="error" showIcon title={problem} style={{ margin: '8px 0' }} /> : null}
      <Button type="primary" htmlType="submit" loading={busy} style={{ marginTop: 8 }}>
        {t('ws.appeal.submit')}
      </Button>
    </form>
  );
}
