import { Select, Space, Typography } from 'antd';
import { useT } from '../i18n';
import { cloneJson } from '../text';
import { RolesEditor } from './RolesEditor';
import type { WorkflowBody } from './workflow-model';

/** Who may start an instance and the form they fill (点单). */
export function StartSettings({ body, forms, onChange }: { body: WorkflowBody; forms: readonly string[]; onChange(body: WorkflowBody): void }) {
  const t = useT();
  const put = (patch: Partial<WorkflowBody['start']>) => {
    const next = cloneJson(body);
    next.start = { ...next.start, ...patch };
    if (patch.form === undefined && 'form' in patch) delete next.start.form;
    onChange(next);
  };
  return (
    <section aria-label={t('designer.workflow.start')} data-start-settings style={{ maxWidth: 560 }}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text strong>{t('designer.workflow.startAllow')}</Typography.Text>
        <RolesEditor label={t('designer.workflow.startAllow')} rules={body.start.allow} onChange={(allow) => put({ allow })} />
        <Typography.Text strong>{t('designer.workflow.startForm')}</Typography.Text>
        <Select allowClear aria-label={t('designer.workflow.startForm')} style={{ width: 260 }} value={body.start.form} onChange={(form?: string) => put({ form })} options={forms.map((f) => ({ value: f, label: f }))} />
      </Space>
    </section>
  );
}
