import { Button, Checkbox, Divider, Input, InputNumber, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { TimerSpec } from '../../../runtime/schema/workflow';
import { useLocale, useT } from '../i18n';
import type { LintProblem } from '../designer-api';
import { FieldProblems } from '../ProblemList';
import { localized } from '../text';
import { RolesEditor } from './RolesEditor';
import { TaskOptions, TimerFiring } from './TaskOptions';
import { setApprovalMode, setAssignees, setSendBackTargets, setTimers, stepKindNames, updateState, type StepKindName, type WorkflowBody } from './workflow-model';
import { LabeledInput } from '../LabeledInput';

/** One state: titles, final, approval mode (会签/或签/依次/票签), assignees and task options (抢单, 转交, 加签…), timers with what they fire, send-back targets. */
export function StateInspector({ body, stateKey, problems, onChange }: { body: WorkflowBody; stateKey: string; problems: readonly LintProblem[]; onChange(body: WorkflowBody): void }) {
  const t = useT();
  const { locale } = useLocale();
  const state = body.states[stateKey];
  if (!state) return null;
  const others = Object.keys(body.states).filter((k) => k !== stateKey);
  const stateOptions = others.map((k) => ({ value: k, label: localized(body.states[k]!.title, locale) || k }));
  const timers = state.timers ?? [];
  const putTimer = (i: number, patch: Partial<TimerSpec>) => {
    const merged = timers.map((timer, j) => (j === i ? ({ ...timer, ...patch } as TimerSpec) : timer));
    onChange(setTimers(body, stateKey, merged));
  };
  return (
    <section aria-label={t('designer.workflow.stateSettings')} data-state-inspector={stateKey}>
      <Typography.Text strong>{localized(state.title, locale)}</Typography.Text> <Typography.Text type="secondary">{stateKey}</Typography.Text>
      <FieldProblems problems={problems} />
      <Space orientation="vertical" style={{ width: '100%', marginTop: 8 }} size={6}>
        <LabeledInput label={t('designer.form.labelZh')} aria-label={t('designer.workflow.stateZh')} value={state.title['zh-CN']} onChange={(e) => onChange(updateState(body, stateKey, { title: { ...state.title, 'zh-CN': e.target.value } }))} />
        <LabeledInput label={t('designer.form.labelEn')} aria-label={t('designer.workflow.stateEn')} value={state.title.en ?? ''} onChange={(e) => onChange(updateState(body, stateKey, { title: { ...state.title, en: e.target.value || undefined } as typeof state.title }))} />
        <Checkbox checked={state.final ?? false} onChange={(e) => onChange(updateState(body, stateKey, { final: e.target.checked }))}>
          {t('designer.workflow.final')}
        </Checkbox>
      </Space>
      <Divider size="small" />
      <Typography.Text strong>{t('designer.workflow.approval')}</Typography.Text>
      <Space wrap style={{ display: 'flex', marginTop: 6 }}>
        <Select<StepKindName | 'none'>
          aria-label={t('designer.workflow.approvalMode')}
          style={{ width: 170 }}
          value={(state.task?.kind as StepKindName | undefined) ?? 'none'}
          onChange={(kind) => onChange(kind === 'none' ? updateState(body, stateKey, { task: undefined }) : setApprovalMode(body, stateKey, kind))}
          options={[{ value: 'none', label: t('designer.workflow.noTask') }, ...stepKindNames.map((k) => ({ value: k, label: t(`designer.workflow.kind.${k}`) }))]}
        />
        {state.task?.kind === 'vote' ? (
          <label>
            {t('designer.workflow.ratio')} <InputNumber aria-label={t('designer.workflow.ratio')} min={0.01} max={1} step={0.05} value={state.task.ratio ?? 0.5} onChange={(v) => onChange(setApprovalMode(body, stateKey, 'vote', v ?? 0.5))} />
          </label>
        ) : null}
      </Space>
      {state.task ? (
        <div style={{ marginTop: 6 }}>
          <Typography.Text type="secondary">{t('designer.workflow.assignees')}</Typography.Text>
          <RolesEditor label={t('designer.workflow.assignees')} rules={state.task.assignees ?? []} onChange={(rules) => onChange(setAssignees(body, stateKey, rules))} />
          <TaskOptions task={state.task} onChange={(task) => onChange(updateState(body, stateKey, { task }))} />
        </div>
      ) : null}
      <Divider size="small" />
      <Typography.Text strong>{t('designer.workflow.timers')}</Typography.Text>
      {timers.map((timer, i) => (
        <Space key={i} wrap style={{ display: 'flex', marginTop: 4 }} data-timer={timer.key}>
          <Input aria-label={t('designer.workflow.timerKey')} style={{ width: 110 }} value={timer.key} onChange={(e) => putTimer(i, { key: e.target.value })} />
          {Array.isArray(timer.after) ? (
            <Typography.Text code>{timer.after.map((a) => a.after).join(' / ')}</Typography.Text>
          ) : (
            <>
              <Input aria-label={t('designer.workflow.timerAfter')} style={{ width: 80 }} value={timer.after.after} onChange={(e) => putTimer(i, { after: { ...(timer.after as { after: string; calendar: 'calendar' | 'working' }), after: e.target.value } })} />
              <Select aria-label={t('designer.workflow.timerCalendar')} style={{ width: 100 }} value={timer.after.calendar} onChange={(calendar: 'calendar' | 'working') => putTimer(i, { after: { ...(timer.after as { after: string }), calendar } })} options={[{ value: 'calendar', label: t('designer.workflow.calendarDays') }, { value: 'working', label: t('designer.workflow.workingDays') }]} />
            </>
          )}
          <TimerFiring timer={timer} events={(state.transitions ?? []).map((tr) => ({ value: tr.event, label: localized(tr.title, locale) || tr.event }))} states={stateOptions} onChange={(next) => onChange(setTimers(body, stateKey, timers.map((x, j) => (j === i ? next : x))))} />
          <Button icon={<DeleteOutlined />} aria-label={t('designer.workflow.removeTimer')} onClick={() => onChange(setTimers(body, stateKey, timers.filter((_, j) => j !== i)))} />
        </Space>
      ))}
      <Button size="small" icon={<PlusOutlined />} style={{ marginTop: 4 }} onClick={() => onChange(setTimers(body, stateKey, [...timers, { key: `timeout${timers.length + 1}`, after: { after: 'P2D', calendar: 'working' }, action: 'escalate', remindAt: [0.5] }]))}>
        {t('designer.workflow.addTimer')}
      </Button>
      <Divider size="small" />
      <Typography.Text strong>{t('designer.workflow.sendBack')}</Typography.Text>
      <Select<string[]> mode="multiple" aria-label={t('designer.workflow.sendBack')} style={{ width: '100%', marginTop: 4 }} value={state.sendBack?.targets ?? []} onChange={(targets) => onChange(setSendBackTargets(body, stateKey, targets))} options={stateOptions} />
    </section>
  );
}
