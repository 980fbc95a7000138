import { useState } from 'react';
import { Alert, Button, Input, Radio, Typography, message } from 'antd';
import { useT } from '../../i18n';
import { assessmentApi } from '../assessment-api';
import { describeError } from '../use-load';
import { newIdempotencyKey, type Instance } from '../workspace-api';

/**
 * The district decides an appeal: uphold the result, or amend it. Amended scores are recorded first in
 * the review column "复核修正" (the amendment sheet); the decision then re-scores and re-notices.
 */
export function AppealDecisionForm({ assessmentId, instance, amendmentSaved, onDone }: { assessmentId: string; instance: Instance; amendmentSaved: boolean; onDone: () => void }) {
  const t = useT();
  const [decision, setDecision] = useState<'upheld' | 'amended' | undefined>(undefined);
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [key] = useState(newIdempotencyKey);
  const [toast, toastHolder] = message.useMessage();
  const submit = async () => {
    if (!decision || comment.trim().length < 2) {
      setProblem(t('ws.appeal.needDecision'));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await assessmentApi().command(assessmentId, instance.version, { event: 'decide', data: { decision, comment: comment.trim() } }, key);
      void toast.success(t('ws.appeal.decided'));
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
      aria-labelledby="ws-appeal-decide"
      data-decide-form
      style={{ marginBottom: 12 }}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {toastHolder}
      <Typography.Title level={2} className="sj-ws-h2" id="ws-appeal-decide">
        {t('ws.appeal.decide')}
      </Typography.Title>
      <Radio.Group
        aria-label={t('ws.appeal.decision')}
        value={decision}
        onChange={(event) => setDecision(event.target.value as 'upheld' | 'amended')}
        options={[
          { value: 'upheld', label: t('ws.appeal.upheld') },
          { value: 'amended', label: t('ws.appeal.amended') },
        ]}
      />
      {decision === 'amended' && !amendmentSaved ? <Alert type="info" showIcon title={t('ws.appeal.amendFirst')} style={{ margin: '8px 0' }} /> : null}
      <label className="sj-ws-meta" htmlFor="ws-appeal-comment" style={{ display: 'block', marginTop: 8 }}>
        {t('ws.appeal.comment')}
      </label>
      <Input.TextArea id="ws-appeal-comment" rows={3} maxLength={2000} value={comment} onChange={(event) => setComment(event.target.value)} />
      {problem ? <Alert type="error" showIcon title={problem} style={{ margin: '8px 0' }} /> : null}
      <Button type="primary" htmlType="submit" loading={busy} style={{ marginTop: 8 }}>
        {t('ws.appeal.submitDecision')}
      </Button>
    </form>
  );
}
