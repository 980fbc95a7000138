import { Card, Form, Input, InputNumber, Select, Space } from 'antd';
import type { ServiceItemDefinition } from '../../../runtime/schema/service-item';
import { DeliveryMode, TargetGroup } from '../../../runtime/schema/service-item';
import { useT } from '../i18n';
import type { VisualEditorProps } from '../editor-types';
import { FieldProblems } from '../ProblemList';
import { problemsAt } from '../editor-types';
import { cloneJson } from '../text';
import { LocalizedInputs } from './LocalizedInputs';
import { usePublishedKeys } from './use-keys';

type ItemBody = ServiceItemDefinition & Record<string, unknown>;
const slaKeys = ['triage', 'accept', 'noShowGrace', 'ratingWindow', 'reopenWindow'] as const;

/** One entry of the demand menu: names, category, who it serves, how, which teams, its order form, workflow and SLAs. */
export default function ServiceItemEditor({ body: raw, onChange, problems }: VisualEditorProps) {
  const t = useT();
  const body = raw as ItemBody;
  const put = <K extends keyof ServiceItemDefinition>(key: K, value: ServiceItemDefinition[K] | undefined) => {
    const next = cloneJson(body) as Record<string, unknown>;
    if (value === undefined || value === '') delete next[key];
    else next[key] = value;
    onChange(next);
  };
  const categories = usePublishedKeys('serviceCategory');
  const forms = usePublishedKeys('form');
  const workflows = usePublishedKeys('workflow');
  const teamTypes = usePublishedKeys('teamType');
  const keyOptions = (keys: string[]) => keys.map((k) => ({ value: k, label: k }));
  const at = (name: string) => <FieldProblems problems={problemsAt(problems, `/${name}`)} />;
  return (
    <Form layout="vertical" data-menu-item style={{ maxWidth: 860 }}>
      <Card size="small" title={t('designer.menu.item')}>
        <Form.Item label={t('designer.menu.title')}>
          <LocalizedInputs name={t('designer.menu.title')} value={body.title} onChange={(v) => put('title', v)} />
          {at('title')}
        </Form.Item>
        <Form.Item label={t('designer.menu.description')}>
          <LocalizedInputs multiline name={t('designer.menu.description')} value={body.description} onChange={(v) => put('description', v)} />
        </Form.Item>
        <Space wrap size={16}>
          <Form.Item label={t('designer.menu.category')}>
            <Select aria-label={t('designer.menu.category')} style={{ width: 220 }} value={body.category} onChange={(v: string) => put('category', v)} options={keyOptions(categories)} />
            {at('category')}
          </Form.Item>
          <Form.Item label={t('designer.menu.theme')}>
            <Input aria-label={t('designer.menu.theme')} style={{ width: 260 }} value={body.theme ?? ''} onChange={(e) => put('theme', e.target.value)} />
          </Form.Item>
        </Space>
        <Form.Item label={t('designer.menu.targetGroups')}>
          <Select mode="multiple" aria-label={t('designer.menu.targetGroups')} value={body.targetGroups} onChange={(v: ServiceItemDefinition['targetGroups']) => put('targetGroups', v)} options={TargetGroup.options.map((g) => ({ value: g, label: t(`designer.menu.group.${g}`) }))} />
          {at('targetGroups')}
        </Form.Item>
        <Form.Item label={t('designer.menu.deliveryModes')}>
          <Select mode="multiple" aria-label={t('designer.menu.deliveryModes')} value={body.deliveryModes} onChange={(v: ServiceItemDefinition['deliveryModes']) => put('deliveryModes', v)} options={DeliveryMode.options.map((m) => ({ value: m, label: t(`designer.menu.mode.${m}`) }))} />
        </Form.Item>
        <Space wrap size={16}>
          <Form.Item label={t('designer.menu.duration')}>
            <InputNumber aria-label={t('designer.menu.duration')} min={1} value={body.durationMinutes ?? null} onChange={(v) => put('durationMinutes', v ?? undefined)} />
          </Form.Item>
          <Form.Item label={t('designer.menu.capacity')}>
            <InputNumber aria-label={t('designer.menu.capacity')} min={1} value={body.capacityPerMonth ?? null} onChange={(v) => put('capacityPerMonth', v ?? undefined)} />
          </Form.Item>
        </Space>
        <Form.Item label={t('designer.menu.teamTypes')}>
          <Select mode="multiple" aria-label={t('designer.menu.teamTypes')} value={body.providerTeamTypes ?? []} onChange={(v: string[]) => put('providerTeamTypes', v)} options={keyOptions(teamTypes)} />
        </Form.Item>
        <Space wrap size={16}>
          <Form.Item label={t('designer.menu.orderForm')}>
            <Select allowClear aria-label={t('designer.menu.orderForm')} style={{ width: 220 }} value={body.orderForm} onChange={(v?: string) => put('orderForm', v)} options={keyOptions(forms)} />
            {at('orderForm')}
          </Form.Item>
          <Form.Item label={t('designer.menu.workflow')}>
            <Select aria-label={t('designer.menu.workflow')} style={{ width: 220 }} value={body.workflow} onChange={(v: string) => put('workflow', v)} options={keyOptions(workflows)} />
          </Form.Item>
        </Space>
      </Card>
      <Card size="small" title={t('designer.menu.sla')} style={{ marginTop: 12 }}>
        {slaKeys.map((key) => {
          const spec = body.sla?.[key];
          const setSla = (value: { after: string; calendar: 'calendar' | 'working' } | undefined) => {
            const sla = { ...(body.sla ?? {}) } as Record<string, unknown>;
            if (value && value.after) sla[key] = value;
            else delete sla[key];
            put('sla', Object.keys(sla).length ? (sla as ServiceItemDefinition['sla']) : undefined);
          };
          return (
            <Space key={key} wrap style={{ display: 'flex', marginBottom: 6 }} data-sla={key}>
              <span style={{ display: 'inline-block', width: 140 }}>{t(`designer.menu.slaKey.${key}`)}</span>
              <Input aria-label={t('designer.menu.slaAfter', { name: t(`designer.menu.slaKey.${key}`) })} placeholder={t('designer.menu.slaDefault')} style={{ width: 160 }} value={spec?.after ?? ''} onChange={(e) => setSla({ after: e.target.value, calendar: spec?.calendar ?? 'working' })} />
              <Select aria-label={t('designer.workflow.timerCalendar')} style={{ width: 110 }} disabled={!spec} value={spec?.calendar ?? 'working'} onChange={(calendar: 'calendar' | 'working') => spec && setSla({ after: spec.after, calendar })} options={[{ value: 'calendar', label: t('designer.workflow.calendarDays') }, { value: 'working', label: t('designer.workflow.workingDays') }]} />
            </Space>
          );
        })}
        {at('sla')}
      </Card>
    </Form>
  );
}
