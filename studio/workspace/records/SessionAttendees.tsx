import { useEffect } from 'react';
import { Alert, Button, Typography } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../i18n';
import { useLoad } from '../use-load';
import { useUserNames } from './user-names';
import { recordsApi } from './records-api';

// Often enough that a volunteer sees themselves appear while still standing at the door.
const REFRESH_MS = 5_000;

/** One check-in window: its code in large digits while open, and who checked in and out. */
export function SessionAttendees({ sessionId, open, onChange }: { sessionId: string; open: boolean; onChange: () => void }) {
  const t = useT();
  const [session, reload] = useLoad((signal) => recordsApi().session(sessionId, signal), [sessionId], t);
  const names = useUserNames(session.status === 'ready' ? session.value.attendance.map((row) => row.userId) : []);
  const count = session.status === 'ready' ? session.value.attendance.length : 0;
  useEffect(() => {
    if (!open) return;
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [open, reload]);
  // The list of windows shows counts too; keep it in step when someone new arrives.
  useEffect(() => {
    if (count > 0) onChange();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [count]);

  if (session.status === 'loading') return null;
  if (session.status === 'failed') return <Alert type="warning" showIcon title={session.message} action={<Button onClick={reload}>{t('app.retry')}</Button>} />;
  const value = session.value;
  return (
    <section className="sj-ws-card" aria-labelledby="ws-attend-session" data-open-session={value.id} style={{ marginBottom: 12 }}>
      <Typography.Title level={3} className="sj-ws-h2" id="ws-attend-session">
        {value.title}
      </Typography.Title>
      {open ? (
        <div style={{ textAlign: 'center', margin: '8px 0 12px' }}>
          <div className="sj-ws-meta">{t('ws.attend.code')}</div>
          <div data-code={value.code} style={{ fontSize: 40, fontWeight: 700, letterSpacing: 8, fontVariantNumeric: 'tabular-nums' }}>
            {value.code}
          </div>
          <div className="sj-ws-meta">{t('ws.attend.closesAt', { time: dayjs(value.closesAt).format('HH:mm') })}</div>
          <p>{t('ws.attend.codeHint')}</p>
        </div>
      ) : null}
      <div className="sj-ws-row">
        <strong>{t('ws.attend.checkedIn', { count: value.attendance.length })}</strong>
        <Button size="small" onClick={reload}>
          {t('ws.attend.refresh')}
        </Button>
      </div>
      {value.attendance.length === 0 ? <p>{t('ws.attend.nobody')}</p> : null}
      <ul className="sj-ws-list" aria-live="polite">
        {value.attendance.map((row) => (
          <li key={row.userId} data-attendee={row.userId}>
            <strong>{names(row.userId) ?? t('ws.attend.someone')}</strong>{' '}
            <span className="sj-ws-meta">
              {t('ws.attend.checkInAt', { time: dayjs(row.checkInAt).format('HH:mm') })}
              {row.checkOutAt ? ` ${t('ws.attend.checkOutAt', { time: dayjs(row.checkOutAt).format('HH:mm'), hours: row.hours ?? 0 })}` : null}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
