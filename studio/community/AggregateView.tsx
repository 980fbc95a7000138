import { useState } from 'react';
import { Alert, Button, Drawer, Table, Typography } from 'antd';
import { useLocale, useT } from '../i18n';
import { PageLoading } from '../shell/guards';
import { useLoad } from '../workspace/use-load';
import { communityApi, type AggregateCell } from './community-api';
import { CellAnswers } from './CellAnswers';
import { valueLabel } from './labels';
import { ProposeItemForm } from './ProposeItemForm';

const cellKey = (cell: AggregateCell) => `${cell.category}|${cell.orgUnitId}|${cell.targetGroup}`;

async function loadAggregate(surveyId: string, signal: AbortSignal) {
  const client = communityApi();
  const [survey, aggregate] = await Promise.all([client.survey(surveyId, signal), client.aggregate(surveyId, signal)]);
  return { survey, aggregate };
}

/** A survey's answers counted by category × unit × target group; selected cells become a 制单 proposal. */
export function AggregateView({ surveyId, adminUnits, onProposed }: { surveyId: string; adminUnits: { id: string; name: string }[]; onProposed: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const [loaded, reload] = useLoad((signal) => loadAggregate(surveyId, signal), [surveyId], t);
  const [keys, setKeys] = useState<string[]>([]);
  const [proposing, setProposing] = useState(false);
  const [notice, setNotice] = useState<string>();

  if (loaded.status === 'loading') return <PageLoading />;
  if (loaded.status === 'failed') return <Alert type="error" showIcon title={loaded.message} action={<Button onClick={reload}>{t('app.retry')}</Button>} />;
  const { survey, aggregate } = loaded.value;
  const form = survey.form;
  const chosen = aggregate.cells.filter((cell) => keys.includes(cellKey(cell)));
  return (
    <div className="sj-cm-section">
      <div className="sj-ws-row">
        <Typography.Title level={2} className="sj-cm-h2">
          {t('cm.needs.results', { title: survey.title, total: aggregate.total })}
        </Typography.Title>
        <Button type="primary" disabled={chosen.length === 0 || adminUnits.length === 0} onClick={() => setProposing(true)}>
          {t('cm.needs.propose', { count: chosen.length })}
        </Button>
      </div>
      {notice ? <Alert type="success" showIcon title={notice} closable onClose={() => setNotice(undefined)} style={{ marginBottom: 8 }} /> : null}
      <Table<AggregateCell>
        rowKey={cellKey}
        size="small"
        pagination={false}
        dataSource={aggregate.cells}
        locale={{ emptyText: t('cm.needs.noAnswers') }}
        rowSelection={{ selectedRowKeys: keys, onChange: (selection) => setKeys(selection.map(String)) }}
        expandable={{ expandedRowRender: (cell) => <CellAnswers surveyId={surveyId} cell={cell} />, expandRowByClick: false }}
        columns={[
          { title: t('cm.needs.category'), dataIndex: 'category', render: (value: string) => valueLabel(form, 'category', value, locale) },
          { title: t('cm.needs.unit'), dataIndex: 'orgUnitName' },
          { title: t('cm.needs.targetGroup'), dataIndex: 'targetGroup', render: (value: string) => valueLabel(form, 'targetGroup', value, locale) },
          { title: t('cm.needs.count'), dataIndex: 'count', align: 'right', sorter: (a, b) => a.count - b.count },
          { title: t('cm.needs.urgent'), dataIndex: 'urgent', align: 'right' },
        ]}
      />
      <Drawer open={proposing} onClose={() => setProposing(false)} title={t('cm.propose.title')} size="large" destroyOnHidden>
        <ProposeItemForm
          surveyId={surveyId}
          form={form}
          cells={chosen}
          units={adminUnits}
          onProposed={(proposal) => {
            setProposing(false);
            setKeys([]);
            setNotice(t('cm.propose.done', { key: proposal.serviceItemKey }));
            onProposed();
          }}
        />
      </Drawer>
    </div>
  );
}
