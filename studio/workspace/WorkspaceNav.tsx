import { NavLink } from 'react-router-dom';
import { hasAnyRole, type Role } from '../api/endpoints';
import { useAuth } from '../auth/AuthContext';
import { useT, type MessageKey } from '../i18n';

/** Staff who oversee units see the dashboards (the server's report roles). */
export const REPORT_ROLES: readonly Role[] = ['districtAdmin', 'districtLeader', 'assessor', 'instituteAdmin', 'stationAdmin'];

/** Who may place an order (点单): residents, and station staff ordering for someone without a phone. */
export const ORDERING_ROLES: readonly Role[] = ['resident', 'proxyOrderer', 'stationAdmin'];

const links: { to: string; label: MessageKey; roles?: readonly Role[] }[] = [
  { to: '/workspace', label: 'ws.nav.inbox' },
  { to: '/workspace/menu', label: 'ws.nav.menu' },
  { to: '/workspace/order', label: 'ws.nav.order', roles: ORDERING_ROLES },
  { to: '/workspace/orders', label: 'ws.nav.orders' },
  { to: '/workspace/assessments', label: 'ws.nav.assessments', roles: ['stationAdmin', 'instituteAdmin', 'districtAdmin', 'districtLeader', 'assessor'] },
  { to: '/workspace/records', label: 'ws.nav.records', roles: ['stationAdmin', 'instituteAdmin', 'districtAdmin', 'teamLeader'] },
  { to: '/workspace/check-in', label: 'ws.nav.checkIn', roles: ['volunteer', 'teamLeader'] },
  { to: '/workspace/dashboard', label: 'ws.nav.dashboard', roles: REPORT_ROLES },
  { to: '/wishes', label: 'cm.nav.wishes' },
  { to: '/surveys', label: 'cm.nav.surveys', roles: ['resident', 'proxyOrderer', 'stationAdmin'] },
  { to: '/needs', label: 'cm.nav.needs', roles: ['districtAdmin', 'instituteAdmin', 'stationAdmin'] },
  { to: '/points', label: 'store.nav.points', roles: ['volunteer', 'teamLeader'] },
  { to: '/store', label: 'store.nav.counter', roles: ['storeOperator', 'stationAdmin', 'instituteAdmin', 'districtAdmin'] },
  { to: '/store/manage', label: 'store.nav.manage', roles: ['storeOperator', 'stationAdmin', 'instituteAdmin', 'districtAdmin'] },
];

/** The workspace's own tabs, as links so they stay keyboard- and screen-reader-friendly on a phone. */
export function WorkspaceNav() {
  const t = useT();
  const { state } = useAuth();
  return (
    <nav aria-label={t('ws.nav.label')} className="sj-ws-nav">
      {links
        .filter((link) => !link.roles || hasAnyRole(state.user, link.roles))
        .map((link) => (
          <NavLink key={link.to} to={link.to} end className={({ isActive }) => `sj-ws-tab${isActive ? ' sj-ws-tab-active' : ''}`}>
            {t(link.label)}
          </NavLink>
        ))}
    </nav>
  );
}
