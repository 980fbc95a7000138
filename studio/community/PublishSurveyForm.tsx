import { useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useT } from '../i18n';
import { describeError } from '../workspace/use-load';
import { communityApi, type OrgUnit, type Survey } from './community-api';

interface Values {
  title: string;
  targetUnitIds: string[];
  period: [Dayjs, Dayjs];
}

/** Publish a needs survey (问需) to chosen units for a period. */
export function PublishSurveyForm({ units, onPublished }: { units: OrgUnit[]; onPublished: (survey: Survey) => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const options = units.filter((unit) => unit.level !== 'center').map((unit) => ({ value: unit.id, label: unit.name }));

  const submit = async (values: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      const [from, to] = values.period;
      const survey = await communityApi().publishSurvey({ title: values.title, targetUnitIds: values.targetUnitIds, opensAt: from.startOf('day').toISOString(), closesAt: to.endOf('day').toISOString() });
      form.resetFields();
      onPublished(survey);
    } catch (failure) {
      setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} aria-label={t('cm.needs.publishTitle')}>
      <Form.Item name="title" label={t('cm.needs.surveyTitle')} rules={[{ required: true, min: 2, message: t('cm.needs.surveyTitleRequired') }]}>
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="targetUnitIds" label={t('cm.needs.targets')} rules={[{ required: true, message: t('cm.needs.targetsRequired') }]}>
        <Select mode="multiple" options={options} optionFilterProp="label" />
      </Form.Item>
      <Form.Item name="period" label={t('cm.needs.period')} rules={[{ required: true, message: t('cm.needs.periodRequired') }]}>
        <DatePicker.RangePicker />
      </Form.Item>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} /> : null}
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('cm.needs.publish')}
      </Button>
    </Form>
  );
}
