import { Checkbox, Select, Space, Typography } from 'antd';
import type { TaskSpec, TimerSpec } from '../../../runtime/schema/workflow';
import { knownRoles } from '../../../runtime/workflow/roles';
import { useT } from '../i18n';
import { anchors, type Anchor } from './workflow-model';

type Pool = NonNullable<TaskSpec['pool']>;
type OnEmpty = TaskSpec['onEmpty'];

/**
 * What the people of a step may do besides deciding: claim from a pool (抢单), transfer (转交),
 * add or remove signers (加签/减签), copy someone in (抄送), and what happens when nobody is found.
 */
export function TaskOptions({ task, onChange }: { task: TaskSpec; onChange(task: TaskSpec): void }) {
  const t = useT();
  const put = (patch: Partial<TaskSpec>) => onChange({ ...task, ...patch });
  const pool = task.pool;
  const putPool = (patch: Partial<Pool>) => pool && put({ pool: { ...pool, ...patch } });
  const onEmpty: OnEmpty = task.onEmpty ?? 'escalate';
  const onEmptyKind = typeof onEmpty === 'string' ? onEmpty : 'role';
  return (
    <div data-task-options style={{ marginTop: 6 }}>
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Checkbox checked={pool !== undefined} onChange={(e) => put({ pool: e.target.checked ? { role: 'teamLeader', at: 'any' } : undefined })}>
          {t('designer.task.pool')}
        </Checkbox>
        {pool ? (
          <Space.Compact style={{ display: 'flex' }}>
            <Select aria-label={t('designer.task.poolRole')} style={{ width: 160 }} value={pool.role} onChange={(role: string) => putPool({ role })} options={knownRoles.map((r) => ({ value: r, label: t(`designer.role.${r}`) }))} />
            <Select aria-label={t('designer.task.poolAt')} style={{ width: 130 }} value={(pool.at ?? 'unit') as Anchor} onChange={(at: Anchor) => putPool({ at })} options={anchors.map((a) => ({ value: a, label: t(`designer.workflow.anchor.${a}`) }))} />
          </Space.Compact>
        ) : null}
        <Checkbox checked={task.transfer ?? false} onChange={(e) => put({ transfer: e.target.checked })}>
          {t('designer.task.transfer')}
        </Checkbox>
        <Space wrap>
          <span>{t('designer.task.addSigner')}</span>
          <Checkbox.Group
            aria-label={t('designer.task.addSigner')}
            value={task.addSigner ?? []}
            onChange={(v) => put({ addSigner: (['before', 'after'] as const).filter((p) => v.includes(p)) })}
            options={[
              { value: 'before', label: t('designer.task.before') },
              { value: 'after', label: t('designer.task.after') },
            ]}
          />
        </Space>
        <Checkbox checked={task.removeSigner ?? false} onChange={(e) => put({ removeSigner: e.target.checked })}>
          {t('designer.task.removeSigner')}
        </Checkbox>
        <Checkbox checked={task.cc ?? false} onChange={(e) => put({ cc: e.target.checked })}>
          {t('designer.task.cc')}
        </Checkbox>
        <Space wrap>
          <span>{t('designer.task.onEmpty')}</span>
          <Select
            aria-label={t('designer.task.onEmpty')}
            style={{ width: 170 }}
            value={onEmptyKind}
            onChange={(kind: 'skip' | 'escalate' | 'role') => put({ onEmpty: kind === 'role' ? { role: 'instituteAdmin', at: 'institute' } : kind })}
            options={[
              { value: 'escalate', label: t('designer.task.onEmptyEscalate') },
              { value: 'skip', label: t('designer.task.onEmptySkip') },
              { value: 'role', label: t('designer.task.onEmptyRole') },
            ]}
          />
          {typeof onEmpty === 'object' ? (
            <Space.Compact>
              <Select aria-label={t('designer.task.fallbackRole')} style={{ width: 160 }} value={onEmpty.role} onChange={(role: string) => put({ onEmpty: { ...onEmpty, role } })} options={knownRoles.map((r) => ({ value: r, label: t(`designer.role.${r}`) }))} />
              <Select aria-label={t('designer.task.fallbackAt')} style={{ width: 130 }} value={(onEmpty.at ?? 'unit') as Anchor} onChange={(at: Anchor) => put({ onEmpty: { ...onEmpty, at } })} options={anchors.map((a) => ({ value: a, label: t(`designer.workflow.anchor.${a}`) }))} />
            </Space.Compact>
          ) : null}
        </Space>
      </Space>
    </div>
  );
}

const timeoutActions = ['approve', 'reject', 'sendBack', 'escalate'] as const;
const reminderShares = [0.25, 0.5, 0.75, 0.9];

/**
 * What a timer does when due: fire one of the state's transitions or a timeout action on the open task
 * (with the send-back target when it sends back), and the 催办 reminders before that.
 */
export function TimerFiring({ timer, events, states, onChange }: { timer: TimerSpec; events: { value: string; label: string }[]; states: { value: string; label: string }[]; onChange(timer: TimerSpec): void }) {
  const t = useT();
  const firesEvent = timer.event !== undefined;
  const { event: _e, action: _a, target: _t, ...rest } = timer;
  return (
    <>
      <Select
        aria-label={t('designer.timer.fires')}
        style={{ width: 130 }}
        value={firesEvent ? 'event' : 'action'}
        onChange={(what: 'event' | 'action') =>
          onChange(what === 'event' && events[0] ? ({ ...rest, event: events[0].value } as TimerSpec) : ({ ...rest, action: 'escalate' } as TimerSpec))
        }
        options={[
          { value: 'action', label: t('designer.timer.firesAction') },
          { value: 'event', label: t('designer.timer.firesEvent'), disabled: events.length === 0 },
        ]}
      />
      {firesEvent ? (
        <Select aria-label={t('designer.workflow.timerEvent')} style={{ width: 150 }} value={timer.event} onChange={(event: string) => onChange({ ...rest, event } as TimerSpec)} options={events} />
      ) : (
        <Select
          aria-label={t('designer.workflow.timerAction')}
          style={{ width: 120 }}
          value={timer.action}
          onChange={(action: (typeof timeoutActions)[number]) => onChange({ ...rest, action, ...(action === 'sendBack' ? { target: timer.target ?? states[0]?.value } : {}) } as TimerSpec)}
          options={timeoutActions.map((a) => ({ value: a, label: t(`designer.workflow.action.${a}`) }))}
        />
      )}
      {timer.action === 'sendBack' ? <Select aria-label={t('designer.timer.target')} style={{ width: 150 }} value={timer.target} onChange={(target: string) => onChange({ ...timer, target })} options={states} /> : null}
      <Select<number[]>
        mode="multiple"
        aria-label={t('designer.timer.remindAt')}
        placeholder={t('designer.timer.remindAt')}
        style={{ minWidth: 150 }}
        value={timer.remindAt ?? []}
        onChange={(remindAt) => onChange({ ...timer, remindAt: [...remindAt].sort((a, b) => a - b) })}
        options={reminderShares.map((share) => ({ value: share, label: t('designer.timer.remindShare', { percent: Math.round(share * 100) }) }))}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('designer.timer.remindHint')}
      </Typography.Text>
    </>
  );
}
