import { useState } from 'react';
import { Alert, Button, Input, message } from 'antd';
import { useT } from '../../i18n';
import { describeError } from '../use-load';
import { cleanPlanItems, recordsApi } from './records-api';

interface Row {
  key: number;
  title: string;
  date: string;
}

/** Files a month's arrangement (月度安排): a title and the planned activities, each with an optional date. */
export function PlanForm({ unitId, year, month, onFiled }: { unitId: string; year: number; month: number; onFiled: () => void }) {
  const t = useT();
  const [title, setTitle] = useState(() => t('ws.plan.defaultTitle', { year, month }));
  const [rows, setRows] = useState<Row[]>([{ key: 0, title: '', date: '' }]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [toast, toastHolder] = message.useMessage();
  const change = (key: number, patch: Partial<Row>) => setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const file = async () => {
    const items = cleanPlanItems(rows);
    if (items.length === 0) {
      setError(t('ws.plan.needItem'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await recordsApi().filePlan({ orgUnitId: unitId, year, month, title: title.trim(), items });
      void toast.success(t('ws.plan.filed'));
      onFiled();
    } catch (failure) {
      setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="sj-ws-card"
      aria-label={t('ws.plan.file')}
      onSubmit={(event) => {
        event.preventDefault();
        void file();
      }}
    >
      {toastHolder}
      <label className="sj-ws-meta" htmlFor="ws-plan-title">
        {t('ws.plan.title')}
      </label>
      <Input id="ws-plan-title" value={title} maxLength={200} onChange={(event) => setTitle(event.target.value)} style={{ marginBottom: 8 }} />
      {rows.map((row, index) => (
        <div key={row.key} className="sj-ws-row" style={{ marginBottom: 8, flexWrap: 'wrap' }}>
          <Input aria-label={t('ws.plan.itemTitle', { n: index + 1 })} placeholder={t('ws.plan.itemTitle', { n: index + 1 })} value={row.title} maxLength={200} onChange={(event) => change(row.key, { title: event.target.value })} style={{ flex: '2 1 160px' }} />
          <Input type="date" aria-label={t('ws.plan.itemDate', { n: index + 1 })} value={row.date} onChange={(event) => change(row.key, { date: event.target.value })} style={{ flex: '1 1 120px' }} />
          {rows.length > 1 ? (
            <Button onClick={() => setRows((current) => current.filter((other) => other.key !== row.key))} aria-label={`${t('ws.plan.removeItem')} ${index + 1}`}>
              {t('ws.plan.removeItem')}
            </Button>
          ) : null}
        </div>
      ))}
      <Button onClick={() => setRows((current) => [...current, { key: Math.max(...current.map((row) => row.key)) + 1, title: '', date: '' }])}>{t('ws.plan.addItem')}</Button>
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} /> : null}
      <div style={{ marginTop: 12 }}>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('ws.plan.file')}
        </Button>
      </div>
    </form>
  );
}
