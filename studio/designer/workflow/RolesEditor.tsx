import { Button, Input, Select, Space, Tag } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { PersonRule } from '../../../runtime/schema/workflow';
import { knownRoles } from '../../../runtime/workflow/roles';
import { useT } from '../i18n';
import { anchors, describeRule, type Anchor } from './workflow-model';

/** A list of person rules: role-at-place rules are edited with pickers, others (expressions) shown as they are. */
export function RolesEditor({ rules, onChange, label }: { rules: readonly PersonRule[]; onChange(rules: PersonRule[]): void; label: string }) {
  const t = useT();
  return (
    <div aria-label={label} role="group">
      {rules.map((rule, i) => (
        <Space.Compact key={i} style={{ display: 'flex', marginBottom: 4 }}>
          {'role' in rule ? (
            <>
              <Select aria-label={t('designer.workflow.role')} style={{ width: 160 }} value={rule.role} onChange={(role: string) => onChange(rules.map((r, j) => (j === i ? { ...rule, role } : r)))} options={knownRoles.map((r) => ({ value: r, label: t(`designer.role.${r}`) }))} />
              {rule.unit ? (
                <Input aria-label={t('designer.workflow.unitExpr')} value={rule.unit} onChange={(e) => onChange(rules.map((r, j) => (j === i ? { ...rule, unit: e.target.value } : r)))} />
              ) : (
                <Select aria-label={t('designer.workflow.at')} style={{ width: 130 }} value={rule.at as Anchor} onChange={(at: Anchor) => onChange(rules.map((r, j) => (j === i ? { ...rule, at } : r)))} options={anchors.map((a) => ({ value: a, label: t(`designer.workflow.anchor.${a}`) }))} />
              )}
            </>
          ) : (
            <Tag style={{ margin: 0, padding: '4px 8px', flex: 1 }}>{describeRule(rule)}</Tag>
          )}
          <Button icon={<DeleteOutlined />} aria-label={t('designer.workflow.removeRule')} onClick={() => onChange(rules.filter((_, j) => j !== i))} />
        </Space.Compact>
      ))}
      <Button size="small" icon={<PlusOutlined />} onClick={() => onChange([...rules, { role: 'stationAdmin', at: 'unit' }])}>
        {t('designer.workflow.addRule')}
      </Button>
    </div>
  );
}
