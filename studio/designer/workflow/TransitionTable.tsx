import { Table, Tag } from 'antd';
import { useLocale, useT } from '../i18n';
import { localized } from '../text';
import type { Selection } from './WorkflowDiagram';
import { describeRule, type WorkflowBody } from './workflow-model';

interface Row {
  from: string;
  index: number;
  event: string;
  title: string;
  to: string;
  allow: string;
  form: string;
  guard: string;
  decision: string;
}

/** Every transition in one table, the same selection as the diagram. */
export function TransitionTable({ body, selection, onSelect }: { body: WorkflowBody; selection: Selection; onSelect(selection: Selection): void }) {
  const t = useT();
  const { locale } = useLocale();
  const title = (key: string) => localized(body.states[key]?.title, locale) || key;
  const rows: Row[] = Object.entries(body.states).flatMap(([from, state]) =>
    (state.transitions ?? []).map((tr, index) => ({
      from,
      index,
      event: tr.event,
      title: localized(tr.title, locale),
      to: tr.to,
      allow: (tr.allow ?? []).map((r) => describeRule(r as Record<string, unknown>)).join('；'),
      form: tr.form ?? '',
      guard: tr.guard ?? '',
      decision: tr.decision ?? 'approve',
    })),
  );
  return (
    <Table<Row>
      size="small"
      rowKey={(row) => `${row.from}:${row.index}`}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 900 }}
      onRow={(row) => ({ onClick: () => onSelect({ type: 'transition', from: row.from, index: row.index }), style: { cursor: 'pointer' }, 'data-transition-row': `${row.from}:${row.event}` }) as React.HTMLAttributes<HTMLElement>}
      rowClassName={(row) => (selection?.type === 'transition' && selection.from === row.from && selection.index === row.index ? 'ant-table-row-selected' : '')}
      columns={[
        { title: t('designer.workflow.col.from'), dataIndex: 'from', render: (k: string) => title(k) },
        { title: t('designer.workflow.col.action'), dataIndex: 'title', render: (text: string, row) => text || row.event },
        { title: t('designer.workflow.event'), dataIndex: 'event', render: (e: string) => <code>{e}</code> },
        { title: t('designer.workflow.to'), dataIndex: 'to', render: (k: string) => title(k) },
        { title: t('designer.workflow.col.allow'), dataIndex: 'allow' },
        { title: t('designer.workflow.decision'), dataIndex: 'decision', render: (d: string) => (d === 'reject' ? <Tag color="red">{t('designer.workflow.decisionReject')}</Tag> : null) },
        { title: t('designer.workflow.form'), dataIndex: 'form' },
        { title: t('designer.workflow.guard'), dataIndex: 'guard', render: (g: string) => (g ? <code style={{ fontSize: 11 }}>{g}</code> : null) },
      ]}
    />
  );
}
