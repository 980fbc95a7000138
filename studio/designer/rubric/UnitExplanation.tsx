import { useState } from 'react';
import { Alert, Button, List, Modal, Typography } from 'antd';
import type { LocalizedText } from '../../../runtime/schema/common';
import { api } from '../../api/client';
import { useLocale, useT } from '../i18n';

interface ExplanationView {
  score: number;
  lines: { text: LocalizedText; points: number; max?: number }[];
  decision: { text: LocalizedText };
}

/**
 * Why a unit has its current tier: the explanation of its latest assessment under the rubric in use,
 * opened from the impact preview so an officer can see what the change would touch.
 */
export function UnitExplanation({ unitId, name }: { unitId: string; name: string }) {
  const t = useT();
  const { locale } = useLocale();
  const [open, setOpen] = useState(false);
  const [view, setView] = useState<ExplanationView>();
  const [error, setError] = useState<string>();
  const text = (value: LocalizedText) => (locale === 'en' ? (value.en ?? value['zh-CN']) : value['zh-CN']);
  const show = async () => {
    setOpen(true);
    setError(undefined);
    setView(undefined);
    try {
      const { items } = await api.get<{ items: { id: string }[] }>('/api/assessments', { query: { orgUnitId: unitId, limit: 1 } });
      const latest = items[0];
      if (!latest) return setError(t('designer.rubric.noAssessment'));
      const result = await api.get<{ explanation: ExplanationView }>(`/api/assessments/${encodeURIComponent(latest.id)}/explanation`);
      setView(result.explanation);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <>
      <Button size="small" onClick={() => void show()}>
        {t('designer.rubric.explain')}
      </Button>
      <Modal open={open} title={t('designer.rubric.explainTitle', { unit: name })} onCancel={() => setOpen(false)} footer={null} width={720}>
        {error ? <Alert type="info" showIcon title={error} /> : null}
        {view ? (
          <>
            <Typography.Paragraph strong>{text(view.decision.text)}</Typography.Paragraph>
            <List size="small" dataSource={view.lines} renderItem={(line) => <List.Item>{text(line.text)}</List.Item>} />
          </>
        ) : null}
      </Modal>
    </>
  );
}
