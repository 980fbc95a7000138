import { useEffect, useState } from 'react';
import { Alert, Button, Input, Select, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../i18n';
import { describeError, useLoad } from '../use-load';
import { SessionAttendees } from './SessionAttendees';
import { recordsApi } from './records-api';

const MINUTES = [30, 60, 120, 240] as const;

/** The organiser's side of 签到: open a window for an activity, show its code, watch who checks in. */
export function AttendanceOrganiser({ unitId }: { unitId: string }) {
  const t = useT();
  const [title, setTitle] = useState('');
  const [minutes, setMinutes] = useState<number>(60);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [sessions, reload] = useLoad((signal) => recordsApi().sessions(unitId, signal), [unitId], t);
  const items = sessions.status === 'ready' ? sessions.value.items : [];
  const now = new Date().toISOString();
  const current = items.find((session) => session.id === selected) ?? items.find((session) => session.closesAt > now);
  useEffect(() => setSelected(null), [unitId]);

  const open = async () => {
    setBusy(true);
    setError(null);
    try {
      const opened = await recordsApi().openSession(unitId, title.trim(), minutes);
      setTitle('');
      setSelected(opened.id);
      reload();
    } catch (failure) {
      setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="ws-attend">
      <Typography.Title level={2} className="sj-ws-h2" id="ws-attend">
        {t('ws.records.tabAttendance')}
      </Typography.Title>
      <form
        className="sj-ws-card sj-ws-row"
        style={{ flexWrap: 'wrap', marginBottom: 12 }}
        onSubmit={(event) => {
          event.preventDefault();
          if (title.trim()) void open();
        }}
      >
        <Input aria-label={t('ws.attend.title')} placeholder={t('ws.attend.title')} value={title} maxLength={200} onChange={(event) => setTitle(event.target.value)} style={{ flex: '2 1 180px' }} />
        <Select aria-label={t('ws.attend.minutes')} value={minutes} onChange={setMinutes} options={MINUTES.map((count) => ({ value: count, label: t('ws.attend.minutesOption', { count }) }))} style={{ minWidth: 120 }} />
        <Button type="primary" htmlType="submit" loading={busy} disabled={!title.trim()}>
          {t('ws.attend.open')}
        </Button>
      </form>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      {sessions.status === 'failed' ? <Alert type="warning" showIcon title={sessions.message} action={<Button onClick={reload}>{t('app.retry')}</Button>} /> : null}
      {current ? <SessionAttendees key={current.id} sessionId={current.id} open={current.closesAt > now} onChange={reload} /> : null}
      <Typography.Title level={3} className="sj-ws-h2">
        {t('ws.attend.sessions')}
      </Typography.Title>
      {sessions.status === 'ready' && items.length === 0 ? <p>{t('ws.attend.empty')}</p> : null}
      <ul className="sj-ws-list">
        {items.map((session) => (
          <li key={session.id} className="sj-ws-card" data-session={session.id}>
            <div className="sj-ws-row">
              <Button size="small" type={session.id === current?.id ? 'primary' : 'default'} onClick={() => setSelected(session.id)} aria-current={session.id === current?.id}>
                {session.title}
              </Button>
              <span>
                <Tag>{t('ws.attend.checkedIn', { count: session.checkedIn })}</Tag>
                {session.closesAt > now ? <Tag className="sj-ws-tag-ok">{session.code}</Tag> : null}
              </span>
            </div>
            <div className="sj-ws-meta">{dayjs(session.opensAt).format('YYYY-MM-DD HH:mm')}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}
