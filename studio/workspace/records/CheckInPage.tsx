import { useState } from 'react';
import { Alert, Button, Input, Typography } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../i18n';
import { describeError } from '../use-load';
import { WorkspaceNav } from '../WorkspaceNav';
import { checkInRefusal, normalizeCode, recordsApi, type Attendance } from './records-api';
import '../workspace.css';

type Outcome = { kind: 'in' | 'out'; attendance: Attendance } | { kind: 'error'; message: string } | null;

/** A volunteer on a phone: type the six digits the organiser shows, check in; check out when leaving. */
export default function CheckInPage() {
  const t = useT();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const complete = code.length === 6;
  const send = async (direction: 'in' | 'out') => {
    setBusy(true);
    try {
      const attendance = direction === 'in' ? await recordsApi().checkIn(code) : await recordsApi().checkOut(code);
      setOutcome({ kind: direction, attendance });
    } catch (error) {
      const refusal = checkInRefusal(error);
      setOutcome({ kind: 'error', message: refusal === 'badCode' ? t('ws.checkin.badCode') : refusal === 'notCheckedIn' ? t('ws.checkin.notIn') : describeError(error, t) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="sj-ws">
      <WorkspaceNav />
      <Typography.Title level={1} className="sj-ws-h1">
        {t('ws.checkin.title')}
      </Typography.Title>
      <form
        className="sj-ws-card"
        style={{ maxWidth: 420 }}
        onSubmit={(event) => {
          event.preventDefault();
          if (complete) void send('in');
        }}
      >
        <label htmlFor="ws-checkin-code" className="sj-ws-meta">
          {t('ws.checkin.code')}
        </label>
        <Input
          id="ws-checkin-code"
          size="large"
          inputMode="numeric"
          autoComplete="one-time-code"
          value={code}
          onChange={(event) => setCode(normalizeCode(event.target.value))}
          style={{ fontSize: 28, letterSpacing: 6, textAlign: 'center', margin: '8px 0 12px' }}
        />
        {code.length > 0 && !complete ? <p className="sj-ws-meta">{t('ws.checkin.incomplete')}</p> : null}
        <div className="sj-ws-row">
          <Button type="primary" size="large" htmlType="submit" disabled={!complete} loading={busy} style={{ flex: 1 }}>
            {t('ws.checkin.in')}
          </Button>
          <Button size="large" disabled={!complete || busy} onClick={() => void send('out')} style={{ flex: 1 }}>
            {t('ws.checkin.out')}
          </Button>
        </div>
      </form>
      <div role="status" aria-live="polite" style={{ marginTop: 12, maxWidth: 420 }}>
        {outcome?.kind === 'in' ? <Alert type="success" showIcon data-checked-in={outcome.attendance.sessionId} title={t('ws.checkin.done', { title: outcome.attendance.title, time: dayjs(outcome.attendance.checkInAt).format('HH:mm') })} /> : null}
        {outcome?.kind === 'out' && outcome.attendance.checkOutAt ? (
          <Alert type="success" showIcon data-checked-out={outcome.attendance.sessionId} title={t('ws.checkin.outDone', { title: outcome.attendance.title, time: dayjs(outcome.attendance.checkOutAt).format('HH:mm') })} />
        ) : null}
        {outcome?.kind === 'error' ? <Alert type="error" showIcon title={outcome.message} /> : null}
      </div>
    </section>
  );
}
