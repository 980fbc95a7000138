import { useState } from 'react';
import { Alert, Button, Input, InputNumber, Select, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { knownRoles } from '../../../runtime/workflow/roles';
import { useLocale, useT } from '../i18n';
import { localized } from '../text';
import { addTransition, anchors, stepKindNames, type Anchor, type StepKindName, type WorkflowBody } from './workflow-model';

const NEW = '@new';
const keyPattern = /^[a-z][a-zA-Z0-9]*(?:[-_][a-zA-Z0-9]+)*$/;

/** Adds a transition to an existing state, or to a new approval step (e.g. a 会签 by several roles) created with it. */
export function AddTransitionPanel({ body, onChange, onAdded }: { body: WorkflowBody; onChange(body: WorkflowBody): void; onAdded(from: string, index: number): void }) {
  const t = useT();
  const { locale } = useLocale();
  const states = Object.keys(body.states);
  const stateOptions = states.map((k) => ({ value: k, label: localized(body.states[k]!.title, locale) || k }));
  const [from, setFrom] = useState<string>();
  const [event, setEvent] = useState('');
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [stateEn, setStateEn] = useState('');
  const [to, setTo] = useState<string>();
  const [roles, setRoles] = useState<string[]>([]);
  const [stateKey, setStateKey] = useState('');
  const [stateZh, setStateZh] = useState('');
  const [kind, setKind] = useState<StepKindName>('countersign');
  const [stepRoles, setStepRoles] = useState<string[]>([]);
  const [at, setAt] = useState<Anchor>('unit');
  const [ratio, setRatio] = useState(0.5);
  const [next, setNext] = useState<string>();
  const [error, setError] = useState<string>();
  const roleOptions = knownRoles.map((r) => ({ value: r, label: t(`designer.role.${r}`) }));

  const add = () => {
    if (!from) return setError(t('designer.workflow.needFrom'));
    if (!keyPattern.test(event)) return setError(t('designer.workflow.badEvent'));
    if (body.states[from]?.transitions?.some((tr) => tr.event === event)) return setError(t('designer.workflow.eventTaken', { event }));
    if (!zh.trim()) return setError(t('designer.workflow.needTitle'));
    if (!to) return setError(t('designer.workflow.needTo'));
    if (to === NEW) {
      if (!keyPattern.test(stateKey) || body.states[stateKey]) return setError(t('designer.workflow.badState'));
      if (!stateZh.trim() || stepRoles.length === 0 || !next) return setError(t('designer.workflow.needStep'));
    }
    setError(undefined);
    const target = to === NEW ? { key: stateKey, zh: stateZh.trim(), ...(stateEn.trim() ? { en: stateEn.trim() } : {}), kind, roles: stepRoles, at, ratio, next: next! } : to;
    const result = addTransition(body, { from, event, zh: zh.trim(), ...(en.trim() ? { en: en.trim() } : {}), to: target, roles });
    onChange(result);
    onAdded(from, (result.states[from]?.transitions?.length ?? 1) - 1);
    setEvent('');
    setZh('');
    setEn('');
  };

  return (
    <section aria-label={t('designer.workflow.addTransition')} data-add-transition style={{ padding: 8, background: '#fafafa', borderRadius: 6 }}>
      <Typography.Text strong>{t('designer.workflow.addTransition')}</Typography.Text>
      <Space orientation="vertical" style={{ width: '100%', marginTop: 6 }} size={6}>
        <Select style={{ width: '100%' }} aria-label={t('designer.workflow.newFrom')} placeholder={t('designer.workflow.newFrom')} value={from} onChange={setFrom} options={stateOptions} />
        <Input aria-label={t('designer.workflow.newEvent')} placeholder={t('designer.workflow.newEventHint')} value={event} onChange={(e) => setEvent(e.target.value)} />
        <Input aria-label={t('designer.workflow.newTitle')} placeholder={t('designer.workflow.newTitle')} value={zh} onChange={(e) => setZh(e.target.value)} />
        <Input aria-label={t('designer.workflow.newTitleEn')} placeholder={t('designer.workflow.newTitleEn')} value={en} onChange={(e) => setEn(e.target.value)} />
        <Select mode="multiple" style={{ width: '100%' }} aria-label={t('designer.workflow.newAllow')} placeholder={t('designer.workflow.newAllowHint')} value={roles} onChange={setRoles} options={roleOptions} />
        <Select style={{ width: '100%' }} aria-label={t('designer.workflow.newTo')} placeholder={t('designer.workflow.newTo')} value={to} onChange={setTo} options={[{ value: NEW, label: t('designer.workflow.newStep') }, ...stateOptions]} />
        {to === NEW ? (
          <div style={{ paddingInlineStart: 12, borderInlineStart: '3px solid #91caff' }}>
            <Space orientation="vertical" style={{ width: '100%' }} size={6}>
              <Input aria-label={t('designer.workflow.newStateKey')} placeholder={t('designer.workflow.newStateKeyHint')} value={stateKey} onChange={(e) => setStateKey(e.target.value)} />
              <Input aria-label={t('designer.workflow.newStateZh')} placeholder={t('designer.workflow.newStateZh')} value={stateZh} onChange={(e) => setStateZh(e.target.value)} />
              <Input aria-label={t('designer.workflow.newStateEn')} placeholder={t('designer.workflow.newStateEn')} value={stateEn} onChange={(e) => setStateEn(e.target.value)} />
              <Select<StepKindName> style={{ width: '100%' }} aria-label={t('designer.workflow.newKind')} value={kind} onChange={setKind} options={stepKindNames.map((k) => ({ value: k, label: t(`designer.workflow.kind.${k}`) }))} />
              {kind === 'vote' ? <InputNumber aria-label={t('designer.workflow.ratio')} min={0.01} max={1} step={0.05} value={ratio} onChange={(v) => setRatio(v ?? 0.5)} /> : null}
              <Select mode="multiple" style={{ width: '100%' }} aria-label={t('designer.workflow.newStepRoles')} placeholder={t('designer.workflow.newStepRoles')} value={stepRoles} onChange={setStepRoles} options={roleOptions} />
              <Select<Anchor> style={{ width: '100%' }} aria-label={t('designer.workflow.at')} value={at} onChange={setAt} options={anchors.map((a) => ({ value: a, label: t(`designer.workflow.anchor.${a}`) }))} />
              <Select style={{ width: '100%' }} aria-label={t('designer.workflow.newNext')} placeholder={t('designer.workflow.newNext')} value={next} onChange={setNext} options={stateOptions} />
            </Space>
          </div>
        ) : null}
        {error ? <Alert type="error" showIcon title={error} /> : null}
        <Button type="primary" icon={<PlusOutlined />} onClick={add}>
          {t('designer.workflow.addTransitionButton')}
        </Button>
      </Space>
    </section>
  );
}
