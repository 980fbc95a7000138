import { useState } from 'react';
import { Alert, Button, Form, Input, Select } from 'antd';
import type { FormDefinition } from '../../runtime/schema/form';
import { ApiError } from '../api/client';
import { useLocale, useT, type MessageKey } from '../i18n';
import { describeError } from '../workspace/use-load';
import { communityApi, type AggregateCell, type Proposal, type ProposedItem } from './community-api';
import { fieldValues, valueLabel } from './labels';

/** The menu's target groups (serviceItem schema) and how an item is delivered, with their catalog labels. */
const targetGroups: [string, MessageKey][] = [
  ['all', 'cm.tg.all'], ['elderly', 'cm.tg.elderly'], ['children', 'cm.tg.children'], ['youth', 'cm.tg.youth'], ['farmers', 'cm.tg.farmers'],
  ['migrants', 'cm.tg.migrants'], ['disabled', 'cm.tg.disabled'], ['women', 'cm.tg.women'], ['partyMembers', 'cm.tg.partyMembers'], ['families', 'cm.tg.families'],
];
const deliveryModes: [string, MessageKey][] = [['onSite', 'cm.dm.onSite'], ['atStation', 'cm.dm.atStation'], ['online', 'cm.dm.online']];

export interface ProposeItemFormProps {
  surveyId: string;
  form: FormDefinition | undefined;
  cells: AggregateCell[];
  /** The units where the viewer may propose (their admin units). */
  units: { id: string; name: string }[];
  onProposed: (proposal: Proposal) => void;
}

/** 制单: the selected cells of needs become a proposed menu item, sent for institute review and center approval. */
export function ProposeItemForm({ surveyId, form, cells, units, onProposed }: ProposeItemFormProps) {
  const t = useT();
  const { locale } = useLocale();
  const [antForm] = Form.useForm<ProposedItem & { orgUnitId: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const firstGroup = cells[0]?.targetGroup;
  const initial = {
    category: cells[0]?.category,
    targetGroups: firstGroup !== undefined && targetGroups.some(([value]) => value === firstGroup) ? [firstGroup] : [],
    deliveryModes: ['onSite'],
    orgUnitId: units[0]?.id,
  };

  const submit = async (values: ProposedItem & { orgUnitId: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const { orgUnitId, ...item } = values;
      const proposal = await communityApi().propose({
        orgUnitId,
        surveyId,
        cells: cells.map(({ category, orgUnitId: unit, targetGroup }) => ({ category, orgUnitId: unit, targetGroup })),
        item: { ...item, ...(item.titleEn ? {} : { titleEn: undefined }) },
      });
      onProposed(proposal);
    } catch (failure) {
      // Field errors point into the body (/item/titleZh): show them next to their fields.
      if (failure instanceof ApiError && failure.errors.length > 0) {
        antForm.setFields(failure.errors.flatMap((e) => (e.pointer.startsWith('/item/') ? [{ name: e.pointer.slice('/item/'.length).split('/')[0] as keyof ProposedItem, errors: [typeof e.message === 'string' ? e.message : e.message['zh-CN']] }] : [])));
      }
      setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  };

  const needCount = cells.reduce((sum, cell) => sum + cell.count, 0);
  return (
    <Form form={antForm} layout="vertical" initialValues={initial} onFinish={(values) => void submit(values)} aria-label={t('cm.propose.title')}>
      <p className="sj-ws-meta">{t('cm.propose.basis', { count: needCount, cells: cells.length })}</p>
      <Form.Item name="orgUnitId" label={t('cm.propose.unit')} rules={[{ required: true, message: t('cm.propose.unitRequired') }]}>
        <Select options={units.map((unit) => ({ value: unit.id, label: unit.name }))} />
      </Form.Item>
      <Form.Item name="titleZh" label={t('cm.propose.titleZh')} rules={[{ required: true, min: 2, message: t('cm.propose.titleRequired') }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="titleEn" label={t('cm.propose.titleEn')}>
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="category" label={t('cm.propose.category')} rules={[{ required: true, message: t('cm.propose.categoryRequired') }]}>
        <Select options={fieldValues(form, 'category').map((value) => ({ value, label: valueLabel(form, 'category', value, locale) }))} />
      </Form.Item>
      <Form.Item name="descriptionZh" label={t('cm.propose.description')} rules={[{ required: true, min: 2, message: t('cm.propose.descriptionRequired') }]}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
      <Form.Item name="targetGroups" label={t('cm.propose.targetGroups')} rules={[{ required: true, type: 'array', min: 1, message: t('cm.propose.targetGroupsRequired') }]}>
        <Select mode="multiple" options={targetGroups.map(([value, label]) => ({ value, label: t(label) }))} />
      </Form.Item>
      <Form.Item name="deliveryModes" label={t('cm.propose.deliveryModes')} rules={[{ required: true, type: 'array', min: 1, message: t('cm.propose.deliveryModesRequired') }]}>
        <Select mode="multiple" options={deliveryModes.map(([value, label]) => ({ value, label: t(label) }))} />
      </Form.Item>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} /> : null}
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('cm.propose.submit')}
      </Button>
    </Form>
  );
}
