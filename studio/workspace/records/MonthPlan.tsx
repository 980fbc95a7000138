import { useState } from 'react';
import { Alert, Button, DatePicker, Progress, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../i18n';
import { PageLoading } from '../../shell/guards';
import { useLoad } from '../use-load';
import { PlanForm } from './PlanForm';
import { recordsApi, type DoneActivity } from './records-api';

function DoneList({ done }: { done: readonly DoneActivity[] }) {
  const t = useT();
  return (
    <>
      {done.map((activity) => (
        <Tag key={`${activity.kind}:${activity.id}`} data-done-kind={activity.kind}>
          {activity.kind === 'record' ? t('ws.plan.kindRecord') : t('ws.plan.kindAttendance')} {dayjs(activity.at).format('MM-DD HH:mm')}
        </Tag>
      ))}
    </>
  );
}

/** One unit's month: its filed arrangement with each activity done or not yet, and what was done outside it. */
export function MonthPlan({ unitId, keeps }: { unitId: string; keeps: boolean }) {
  const t = useT();
  const [month, setMonth] = useState<Dayjs>(() => dayjs().startOf('month'));
  const year = month.year();
  const monthNumber = month.month() + 1;
  const [progress, reload] = useLoad((signal) => recordsApi().progress(unitId, year, monthNumber, signal), [unitId, year, monthNumber], t);

  return (
    <section aria-labelledby="ws-plan" data-plan-month={`${year}-${monthNumber}`}>
      <div className="sj-ws-row" style={{ justifyContent: 'flex-start', marginBottom: 12 }}>
        <Typography.Title level={2} className="sj-ws-h2" id="ws-plan" style={{ margin: 0 }}>
          {t('ws.records.tabPlan')}
        </Typography.Title>
        <DatePicker picker="month" aria-label={t('ws.plan.month')} allowClear={false} value={month} onChange={(value) => value && setMonth(value.startOf('month'))} />
      </div>
      {progress.status === 'loading' ? <PageLoading /> : null}
      {progress.status === 'failed' ? <Alert type="error" showIcon title={progress.message} action={<Button onClick={reload}>{t('app.retry')}</Button>} /> : null}
      {progress.status === 'ready' ? (
        progress.value.plan === null ? (
          <>
            <Alert type="info" showIcon title={t('ws.plan.none')} style={{ marginBottom: 12 }} />
            {keeps ? <PlanForm unitId={unitId} year={year} month={monthNumber} onFiled={reload} /> : null}
          </>
        ) : (
          <>
            <div className="sj-ws-card" style={{ marginBottom: 12 }}>
              <strong>{progress.value.plan.title}</strong>
              <Progress
                percent={progress.value.planned === 0 ? 0 : Math.round((progress.value.completed / progress.value.planned) * 100)}
                aria-label={t('ws.plan.progress', { completed: progress.value.completed, planned: progress.value.planned })}
                format={() => t('ws.plan.progress', { completed: progress.value.completed, planned: progress.value.planned })}
                data-completed={progress.value.completed}
              />
            </div>
            <ul className="sj-ws-list">
              {progress.value.items.map((item, index) => (
                <li key={index} className="sj-ws-card" data-plan-item={item.title} data-done={item.done.length > 0}>
                  <div className="sj-ws-row">
                    <strong>{item.title}</strong>
                    <Tag className={item.done.length > 0 ? 'sj-ws-tag-ok' : 'sj-ws-tag-warn'}>{item.done.length > 0 ? t('ws.plan.done') : t('ws.plan.notDone')}</Tag>
                  </div>
                  <div className="sj-ws-meta">
                    {item.date ? <span style={{ marginRight: 8 }}>{t('ws.plan.planned', { date: item.date })}</span> : null}
                    <DoneList done={item.done} />
                  </div>
                </li>
              ))}
            </ul>
          </>
        )
      ) : null}
      {progress.status === 'ready' && progress.value.unplanned.length > 0 ? (
        <>
          <Typography.Title level={3} className="sj-ws-h2">
            {t('ws.plan.unplanned')}
          </Typography.Title>
          <ul className="sj-ws-list">
            {progress.value.unplanned.map((activity) => (
              <li key={`${activity.kind}:${activity.id}`} className="sj-ws-card" data-unplanned={activity.title}>
                <strong>{activity.title}</strong>
                <div className="sj-ws-meta">
                  <DoneList done={[activity]} />
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
