import { useState } from 'react';
import { Select, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { ADMIN_ROLES } from '../api/endpoints';
import { useAuth } from '../auth/AuthContext';
import { useT } from '../i18n';
import { AttendanceOrganiser } from './records/AttendanceOrganiser';
import { MonthPlan } from './records/MonthPlan';
import { RecordForms } from './records/RecordForms';
import { WorkspaceNav } from './WorkspaceNav';
import './workspace.css';

const TABS = ['forms', 'plan', 'attendance'] as const;
type Tab = (typeof TABS)[number];

/** 台账 at one's unit: filed records, the month's activity plan against what was done, and check-in by code. */
export default function RecordsPage() {
  const t = useT();
  const { state } = useAuth();
  const grants = state.user?.roles ?? [];
  const [unitId, setUnitId] = useState<string | undefined>(grants[0]?.orgUnitId);
  // Overseers (a district leader, assessors, proxy orderers) read plans; only the unit's admins file them or run check-in.
  const keeps = grants.some((g) => g.orgUnitId === unitId && ADMIN_ROLES.includes(g.role));
  const tabs = TABS.filter((key) => key !== 'attendance' || keeps);
  // The tab lives in the address, so an organiser can reload or share the check-in screen.
  const [params, setParams] = useSearchParams();
  const tab: Tab = tabs.find((key) => key === params.get('tab')) ?? 'forms';
  const labels: Record<Tab, string> = { forms: t('ws.records.tabForms'), plan: t('ws.records.tabPlan'), attendance: t('ws.records.tabAttendance') };

  return (
    <section className="sj-ws">
      <WorkspaceNav />
      <Typography.Title level={1} className="sj-ws-h1">
        {t('ws.records.title')}
      </Typography.Title>
      <div className="sj-ws-row" style={{ justifyContent: 'flex-start', marginBottom: 12 }}>
        <Select aria-label={t('ws.records.unit')} style={{ minWidth: 180 }} value={unitId} onChange={setUnitId} options={[...new Map(grants.map((g) => [g.orgUnitId, g.orgUnitName])).entries()].map(([value, label]) => ({ value, label }))} />
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'forms' ? {} : { tab: key }, { replace: true })}
        destroyOnHidden
        items={tabs.map((key) => ({
          key,
          label: labels[key],
          children: key === 'forms' ? <RecordForms unitId={unitId} /> : !unitId ? null : key === 'plan' ? <MonthPlan unitId={unitId} keeps={keeps} /> : <AttendanceOrganiser unitId={unitId} />,
        }))}
      />
    </section>
  );
}
