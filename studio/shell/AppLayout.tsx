import { Button } from 'antd';
import { AppstoreOutlined, LogoutOutlined, ToolOutlined } from '@ant-design/icons';
import { Link, NavLink, Outlet, useNavigate } from 'react-router-dom';
import { DISTRICT_ROLES, hasAnyRole } from '../api/endpoints';
import { useAuth } from '../auth/AuthContext';
import { useT } from '../i18n';
import { NotificationBell } from '../notifications/NotificationBell';
import { LanguageSwitch } from './LanguageSwitch';
import { confirmLeave } from './leave-confirmation';

/** Header with the navigation the signed-in person's roles allow; pages render below. */
export function AppLayout() {
  const t = useT();
  const { state, logout } = useAuth();
  const navigate = useNavigate();
  const user = state.user;
  const items = [
    ...(hasAnyRole(user, DISTRICT_ROLES) ? [{ to: '/designer', icon: <ToolOutlined />, label: t('nav.designer') }] : []),
    { to: '/workspace', icon: <AppstoreOutlined />, label: t('nav.workspace') },
  ];
  // Plain elements in antd Layout's look: Layout brings its Sider along, which no screen uses.
  return (
    <div className="sj-layout">
      <header className="sj-header">
        <Link to="/" style={{ color: '#c0392b', fontWeight: 700, fontSize: 18, whiteSpace: 'nowrap' }}>
          {t('app.shortTitle')}
        </Link>
        {/* Plain links, not antd's Menu: its overflow measuring leaves hidden focusable copies (axe: aria-hidden-focus). */}
        <nav aria-label={t('nav.main')} className="sj-nav" style={{ flex: 1, minWidth: 0, display: 'flex', gap: 4, overflowX: 'auto' }}>
          {items.map((item) => (
            <NavLink key={item.to} to={item.to} className={({ isActive }) => `sj-nav-link${isActive ? ' sj-nav-active' : ''}`}>
              {item.icon} {item.label}
            </NavLink>
          ))}
        </nav>
        <div className="sj-header-tools">
          <LanguageSwitch />
          {user ? (
            <>
              <NotificationBell />
              <span className="sj-user" title={t('user.menu', { name: user.displayName })}>
                {user.displayName}
              </span>
              <Button
                type="text"
                icon={<LogoutOutlined />}
                aria-label={t('nav.logout')}
                onClick={() => void confirmLeave().then((leave) => (leave ? logout().then(() => navigate('/login')) : undefined))}
              />
            </>
          ) : null}
        </div>
      </header>
      <main className="sj-content">
        <Outlet />
      </main>
    </div>
  );
}
