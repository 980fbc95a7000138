import { useMemo, useState } from 'react';
import { Alert, Button, Empty, Select, Space, Tag, Timeline, Typography } from 'antd';
import { knownRoles } from '../../../runtime/workflow/roles';
import type { Actor, AvailableAction, WorkflowInstance } from '../../../runtime/workflow';
import { useLocale, useT } from '../i18n';
import { localized } from '../text';
import { parseForSimulation, simAct, simActor, simStart, simUnits, whoCanAct, type SimUnit } from './simulator';
import type { WorkflowBody } from './workflow-model';

interface Step {
  state: string;
  actor: string;
  /** The action as its button read; empty for the start. */
  action: string;
}

const SIM_START = '2026-03-02T01:00:00.000Z';

/** Plays the workflow being edited with the real engine: pick who starts it, then press the actions each person has. */
export function SimulatorPanel({ body }: { body: WorkflowBody }) {
  const t = useT();
  const { locale } = useLocale();
  const parsed = useMemo(() => parseForSimulation(body), [body]);
  const [role, setRole] = useState<string>('resident');
  const [unit, setUnit] = useState<SimUnit>('station-1');
  const [instance, setInstance] = useState<WorkflowInstance>();
  const [steps, setSteps] = useState<Step[]>([]);
  const [error, setError] = useState<string>();
  const message = (text: { 'zh-CN': string; en?: string | undefined }) => (locale === 'en' ? (text.en ?? text['zh-CN']) : text['zh-CN']);
  if (!parsed.ok) return <Alert type="warning" showIcon title={t('designer.sim.invalid', { reason: parsed.reason })} />;
  const definition = parsed.definition;
  const stateTitle = (key: string) => localized(definition.states[key]?.title, locale) || key;

  const start = () => {
    const outcome = simStart(definition, simActor(role, unit), SIM_START);
    if (!outcome.ok) return setError(message(outcome.rejection.message));
    setError(undefined);
    setInstance(outcome.instance);
    setSteps([{ state: outcome.instance.state, actor: simActor(role, unit).id, action: '' }]);
  };
  const act = (actor: Actor, action: AvailableAction) => {
    if (!instance) return;
    const outcome = simAct(definition, instance, actor, action, SIM_START);
    if (!outcome.ok) return setError(message(outcome.rejection.message));
    setError(undefined);
    setInstance(outcome.instance);
    setSteps((s) => [...s, { state: outcome.instance.state, actor: actor.id, action: (action.title ? localized(action.title, locale) : '') || action.event }]);
  };
  const candidates = instance ? whoCanAct(definition, instance, SIM_START) : [];

  return (
    <section aria-label={t('designer.sim.title')} data-simulator>
      <Space wrap>
        <Select aria-label={t('designer.sim.role')} style={{ width: 150 }} value={role} onChange={setRole} options={knownRoles.map((r) => ({ value: r, label: t(`designer.role.${r}`) }))} />
        <Select<SimUnit> aria-label={t('designer.sim.unit')} style={{ width: 130 }} value={unit} onChange={setUnit} options={simUnits.map((u) => ({ value: u.id, label: t(`designer.sim.unit.${u.level}`) }))} />
        <Button type="primary" onClick={start}>
          {instance ? t('designer.sim.restart') : t('designer.sim.start')}
        </Button>
      </Space>
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} /> : null}
      {instance ? (
        <div style={{ marginTop: 12 }}>
          <Typography.Paragraph>
            {t('designer.sim.current')} <Tag color={instance.final ? 'green' : 'blue'} data-sim-state={instance.state}>{stateTitle(instance.state)}</Tag>
            {instance.task ? t('designer.sim.pending', { people: instance.task.assignees.filter((a) => !instance.task!.votes.some((v) => v.by === a)).join('、') || '—' }) : null}
          </Typography.Paragraph>
          {candidates.length === 0 ? (
            <Empty description={t('designer.sim.nobody')} />
          ) : (
            <ul style={{ paddingInlineStart: 18 }}>
              {candidates.map(({ actor, actions }) => (
                <li key={actor.id} data-sim-actor={actor.id} style={{ marginBottom: 4 }}>
                  <Typography.Text code>{actor.id}</Typography.Text>{' '}
                  {actions.map((action) => (
                    <Button key={`${action.event}-${action.to ?? ''}`} size="small" style={{ marginInlineEnd: 4 }} onClick={() => act(actor, action)}>
                      {(action.title ? localized(action.title, locale) : action.event) + (action.to ? ` → ${stateTitle(action.to)}` : '') + (action.vote ? t('designer.sim.vote') : '')}
                    </Button>
                  ))}
                </li>
              ))}
            </ul>
          )}
          <Timeline
            items={steps.map((step, i) => ({
              key: i,
              content: `${step.actor} · ${step.action || t('designer.sim.started')} → ${stateTitle(step.state)}`,
            }))}
          />
        </div>
      ) : null}
    </section>
  );
}
