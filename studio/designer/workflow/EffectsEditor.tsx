import { Button, Card, Input, Select, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { EffectSpec, PersonRule } from '../../../runtime/schema/workflow';
import { knownRoles } from '../../../runtime/workflow/roles';
import { useT } from '../i18n';
import { LabeledInput } from '../LabeledInput';
import { anchors, describeRule, type Anchor } from './workflow-model';

type Recipient = Extract<EffectSpec, { notify: unknown }>['notify']['to'][number];
type ExpressionMap = Record<string, string>;

export const effectKinds = ['notify', 'webhook', 'record'] as const;
export type EffectKind = (typeof effectKinds)[number];

export const kindOfEffect = (effect: EffectSpec): EffectKind => ('notify' in effect ? 'notify' : 'webhook' in effect ? 'webhook' : 'record');

/** A new effect of each kind, valid against the schema as it stands (the author then fills in the names). */
export function newEffect(kind: EffectKind): EffectSpec {
  if (kind === 'notify') return { notify: { to: [{ initiator: true }], message: 'workflow.updated' } };
  if (kind === 'webhook') return { webhook: { event: 'workflow.updated' } };
  return { record: { type: 'serviceRecord', data: { instanceId: 'instance.id' } } };
}

/** Key → CEL rows (effect data, record data, variables to set); an emptied key row is dropped. */
export function MapEditor({ value, name, onChange, keys }: { value: ExpressionMap | undefined; name: string; onChange(value: ExpressionMap): void; keys?: readonly string[] }) {
  const t = useT();
  const entries = Object.entries(value ?? {});
  const write = (next: [string, string][]) => onChange(Object.fromEntries(next));
  return (
    <div role="group" aria-label={name} data-map={name}>
      {entries.map(([key, expression], i) => (
        <Space.Compact key={i} style={{ display: 'flex', marginTop: 4 }}>
          {keys ? (
            <Select aria-label={t('designer.effects.keyOf', { name, n: i + 1 })} style={{ width: 150 }} value={key} onChange={(k: string) => write(entries.map((e, j) => (j === i ? [k, e[1]] : e)))} options={keys.map((k) => ({ value: k, label: k }))} />
          ) : (
            <Input aria-label={t('designer.effects.keyOf', { name, n: i + 1 })} style={{ width: 150 }} value={key} onChange={(e) => write(entries.map((x, j) => (j === i ? [e.target.value, x[1]] : x)))} />
          )}
          <Input aria-label={t('designer.effects.exprOf', { name, n: i + 1 })} style={{ fontFamily: 'monospace' }} value={expression} onChange={(e) => write(entries.map((x, j) => (j === i ? [x[0], e.target.value] : x)))} />
          <Button icon={<DeleteOutlined />} aria-label={t('designer.effects.removeRow', { name, n: i + 1 })} onClick={() => write(entries.filter((_, j) => j !== i))} />
        </Space.Compact>
      ))}
      <Button
        size="small"
        icon={<PlusOutlined />}
        style={{ marginTop: 4 }}
        disabled={keys !== undefined && keys.every((k) => k in (value ?? {}))}
        onClick={() => {
          const key = keys ? keys.find((k) => !(k in (value ?? {})))! : `field${entries.length + 1}`;
          write([...entries, [key, keys ? `vars.${key}` : 'instance.id']]);
        }}
      >
        {t('designer.effects.addRow', { name })}
      </Button>
    </div>
  );
}

function Recipients({ value, n, onChange }: { value: readonly Recipient[]; n: number; onChange(value: Recipient[]): void }) {
  const t = useT();
  const has = (probe: (r: Recipient) => boolean) => value.some(probe);
  const roles = value.filter((r): r is Extract<PersonRule, { role: string }> => 'role' in r);
  const others = value.filter((r) => !('role' in r) && !('assignees' in r) && !('initiator' in r));
  const special = [...(has((r) => 'assignees' in r) ? ['assignees'] : []), ...(has((r) => 'initiator' in r) ? ['initiator'] : [])];
  const build = (nextSpecial: string[], nextRoles: typeof roles): Recipient[] => [
    ...(nextSpecial.includes('assignees') ? [{ assignees: true as const }] : []),
    ...(nextSpecial.includes('initiator') ? [{ initiator: true as const }] : []),
    ...nextRoles,
    ...others,
  ];
  return (
    <div>
      <Select<string[]>
        mode="multiple"
        aria-label={t('designer.effects.toOf', { n })}
        style={{ width: '100%' }}
        value={special}
        placeholder={t('designer.effects.to')}
        onChange={(next) => onChange(build(next, roles))}
        options={[
          { value: 'assignees', label: t('designer.effects.toAssignees') },
          { value: 'initiator', label: t('designer.effects.toInitiator') },
        ]}
      />
      {roles.map((rule, i) => (
        <Space.Compact key={i} style={{ display: 'flex', marginTop: 4 }}>
          <Select aria-label={t('designer.effects.roleOf', { n, m: i + 1 })} style={{ width: 160 }} value={rule.role} onChange={(role: string) => onChange(build(special, roles.map((r, j) => (j === i ? { ...r, role } : r))))} options={knownRoles.map((r) => ({ value: r, label: t(`designer.role.${r}`) }))} />
          <Select aria-label={t('designer.workflow.at')} style={{ width: 130 }} value={(rule.at ?? 'unit') as Anchor} onChange={(at: Anchor) => onChange(build(special, roles.map((r, j) => (j === i ? { ...r, at } : r))))} options={anchors.map((a) => ({ value: a, label: t(`designer.workflow.anchor.${a}`) }))} />
          <Button icon={<DeleteOutlined />} aria-label={t('designer.workflow.removeRule')} onClick={() => onChange(build(special, roles.filter((_, j) => j !== i)))} />
        </Space.Compact>
      ))}
      {others.map((rule, i) => (
        <Tag key={i} style={{ marginTop: 4 }}>
          {describeRule(rule)}
        </Tag>
      ))}
      <Button size="small" icon={<PlusOutlined />} style={{ marginTop: 4 }} onClick={() => onChange(build(special, [...roles, { role: 'stationAdmin', at: 'unit' }]))}>
        {t('designer.effects.addRole')}
      </Button>
    </div>
  );
}

/**
 * What happens when the transition fires besides the state change: notifications (to whom, which
 * message), webhooks and records; each effect's data is a map of CEL expressions.
 */
export function EffectsEditor({ effects, onChange }: { effects: readonly EffectSpec[]; onChange(effects: EffectSpec[]): void }) {
  const t = useT();
  const put = (i: number, effect: EffectSpec) => onChange(effects.map((e, j) => (j === i ? effect : e)));
  return (
    <div role="group" aria-label={t('designer.effects.title')} data-effects>
      {effects.map((effect, i) => {
        const n = i + 1;
        const kind = kindOfEffect(effect);
        return (
          <Card key={i} size="small" style={{ marginTop: 6 }} data-effect={kind} title={t(`designer.effects.kind.${kind}`)} extra={<Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('designer.effects.remove', { n })} onClick={() => onChange(effects.filter((_, j) => j !== i))} />}>
            {'notify' in effect ? (
              <Space orientation="vertical" style={{ width: '100%' }} size={4}>
                <Recipients value={effect.notify.to} n={n} onChange={(to) => put(i, { notify: { ...effect.notify, to } })} />
                <LabeledInput label={t('designer.effects.message')} aria-label={t('designer.effects.messageOf', { n })} value={effect.notify.message} onChange={(e) => put(i, { notify: { ...effect.notify, message: e.target.value } })} />
                <MapEditor name={t('designer.effects.dataOf', { n })} value={effect.notify.data} onChange={(data) => put(i, { notify: { ...effect.notify, data: Object.keys(data).length ? data : undefined } })} />
              </Space>
            ) : 'webhook' in effect ? (
              <Space orientation="vertical" style={{ width: '100%' }} size={4}>
                <LabeledInput label={t('designer.effects.event')} aria-label={t('designer.effects.eventOf', { n })} value={effect.webhook.event} onChange={(e) => put(i, { webhook: { ...effect.webhook, event: e.target.value } })} />
                <MapEditor name={t('designer.effects.dataOf', { n })} value={effect.webhook.data} onChange={(data) => put(i, { webhook: { ...effect.webhook, data: Object.keys(data).length ? data : undefined } })} />
              </Space>
            ) : (
              <Space orientation="vertical" style={{ width: '100%' }} size={4}>
                <LabeledInput label={t('designer.effects.recordType')} aria-label={t('designer.effects.recordTypeOf', { n })} value={effect.record.type} onChange={(e) => put(i, { record: { ...effect.record, type: e.target.value } })} />
                <MapEditor name={t('designer.effects.dataOf', { n })} value={effect.record.data} onChange={(data) => put(i, { record: { ...effect.record, data } })} />
              </Space>
            )}
          </Card>
        );
      })}
      <Space wrap style={{ marginTop: 6 }}>
        {effectKinds.map((kind) => (
          <Button key={kind} size="small" icon={<PlusOutlined />} onClick={() => onChange([...effects, newEffect(kind)])}>
            {t(`designer.effects.add.${kind}`)}
          </Button>
        ))}
      </Space>
      {effects.length === 0 ? (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {t('designer.effects.none')}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}
