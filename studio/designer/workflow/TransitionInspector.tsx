import { Button, Checkbox, Divider, Select, Space, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import type { AllowRule, PersonRule } from '../../../runtime/schema/workflow';
import { useLocale, useT } from '../i18n';
import type { LintProblem } from '../designer-api';
import { FieldProblems } from '../ProblemList';
import { localized } from '../text';
import type { JsonSchema } from '../../../runtime/expression';
import { EffectsEditor, MapEditor } from './EffectsEditor';
import { GuardPicker } from './GuardPicker';
import { RolesEditor } from './RolesEditor';
import { removeTransition, updateTransition, type WorkflowBody } from './workflow-model';
import { LabeledInput } from '../LabeledInput';

const isAssignee = (rule: AllowRule) => 'assignee' in rule;
const isPerson = (rule: AllowRule): rule is PersonRule => !('assignee' in rule) && !('system' in rule);

/**
 * One transition: name, target, who may fire it (the step's assignees and/or roles), vote meaning, form,
 * guard (picked or typed), escalation, variables it sets and its effects.
 */
export function TransitionInspector(props: { body: WorkflowBody; from: string; index: number; forms: readonly string[]; formSchemas: Readonly<Record<string, JsonSchema>>; problems: readonly LintProblem[]; onChange(body: WorkflowBody): void; onRemoved(): void }) {
  const t = useT();
  const { locale } = useLocale();
  const { body, from, index, onChange } = props;
  const transition = body.states[from]?.transitions?.[index];
  if (!transition) return null;
  const put = (patch: Parameters<typeof updateTransition>[3]) => onChange(updateTransition(body, from, index, patch));
  const allow = transition.allow ?? [];
  const people = allow.filter(isPerson);
  const rest = allow.filter((rule) => !isPerson(rule) && !isAssignee(rule));
  const assignee = allow.some(isAssignee);
  return (
    <section aria-label={t('designer.workflow.transitionSettings')} data-transition-inspector={`${from}:${transition.event}`}>
      <Typography.Text strong>
        {localized(body.states[from]?.title, locale)} → {localized(transition.title, locale) || transition.event} → {localized(body.states[transition.to]?.title, locale) || transition.to}
      </Typography.Text>
      <FieldProblems problems={props.problems} />
      <Space orientation="vertical" style={{ width: '100%', marginTop: 8 }} size={6}>
        <LabeledInput label={t('designer.workflow.event')} aria-label={t('designer.workflow.event')} value={transition.event} onChange={(e) => put({ event: e.target.value })} />
        <LabeledInput label={t('designer.form.labelZh')} aria-label={t('designer.workflow.actionZh')} value={transition.title?.['zh-CN'] ?? ''} onChange={(e) => put({ title: { ...transition.title, 'zh-CN': e.target.value } })} />
        <LabeledInput label={t('designer.form.labelEn')} aria-label={t('designer.workflow.actionEn')} value={transition.title?.en ?? ''} onChange={(e) => put({ title: { 'zh-CN': transition.title?.['zh-CN'] ?? transition.event, ...(e.target.value ? { en: e.target.value } : {}) } })} />
        <Space wrap>
          <span>{t('designer.workflow.to')}</span>
          <Select aria-label={t('designer.workflow.to')} style={{ width: 180 }} value={transition.to} onChange={(to: string) => put({ to })} options={Object.keys(body.states).map((k) => ({ value: k, label: localized(body.states[k]!.title, locale) || k }))} />
          <Select aria-label={t('designer.workflow.decision')} style={{ width: 140 }} value={transition.decision ?? 'approve'} onChange={(decision: 'approve' | 'reject') => put({ decision })} options={[{ value: 'approve', label: t('designer.workflow.decisionApprove') }, { value: 'reject', label: t('designer.workflow.decisionReject') }]} />
        </Space>
        <Space wrap>
          <span>{t('designer.workflow.form')}</span>
          <Select allowClear aria-label={t('designer.workflow.form')} style={{ width: 220 }} value={transition.form} onChange={(form?: string) => put({ form: form || undefined })} options={props.forms.map((f) => ({ value: f, label: f }))} />
        </Space>
        <Checkbox checked={assignee} onChange={(e) => put({ allow: [...(e.target.checked ? [{ assignee: true as const }] : []), ...people, ...rest] })}>
          {t('designer.workflow.allowAssignee')}
        </Checkbox>
        <Typography.Text type="secondary">{t('designer.workflow.allowRoles')}</Typography.Text>
        <RolesEditor label={t('designer.workflow.allowRoles')} rules={people} onChange={(rules) => put({ allow: [...(assignee ? [{ assignee: true as const }] : []), ...rules, ...rest] })} />
        <Divider size="small" />
        <GuardPicker body={body} transition={transition} forms={props.formSchemas} onChange={(guard) => put({ guard })} />
        <Divider size="small" />
        <Checkbox checked={transition.escalate ?? false} onChange={(e) => put({ escalate: e.target.checked })}>
          {t('designer.workflow.escalate')}
        </Checkbox>
        <Typography.Text strong>{t('designer.workflow.setVars')}</Typography.Text>
        {Object.keys(body.variables ?? {}).length > 0 ? (
          <MapEditor name={t('designer.workflow.setVars')} keys={Object.keys(body.variables ?? {})} value={transition.set} onChange={(set) => put({ set: Object.keys(set).length ? set : undefined })} />
        ) : (
          <Typography.Text type="secondary">{t('designer.workflow.noVars')}</Typography.Text>
        )}
        <Divider size="small" />
        <Typography.Text strong>{t('designer.effects.title')}</Typography.Text>
        <EffectsEditor effects={transition.effects ?? []} onChange={(effects) => put({ effects })} />
        <Button danger icon={<DeleteOutlined />} onClick={() => (onChange(removeTransition(body, from, index)), props.onRemoved())}>
          {t('designer.workflow.removeTransition')}
        </Button>
      </Space>
    </section>
  );
}
