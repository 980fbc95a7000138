import { Button, Layout, Menu, Space, Typography } from 'antd';
import { AppstoreOutlined, LogoutOutlined, ToolOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { DISTRICT_ROLES, hasAnyRole } from '../api/endpoints';
import { useAuth } from '../auth/AuthContext';
import { useT } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';

/** Header with the navigation the signed-in person's roles allow; pages render below. */
export function AppLayout() {
  const t = useT();
  const { state, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const user = state.user;
  const items = [
    ...(hasAnyRole(user, DISTRICT_ROLES) ? [{ key: '/designer', icon: <ToolOutlined />, label: <Link to="/designer">{t('nav.designer')}</Link> }] : []),
    { key: '/workspace', icon: <AppstoreOutlined />, label: <Link to="/workspace">{t('nav.workspace')}</Link> },
  ];
  const selected = items.find((item) => location.pathname.startsWith(item.key))?.key;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 12, paddingInline: 16, background: '#fff', borderBottom: '1px solid #f0f0f0' }}>
        <Link to="/" style={{ color: '#c0392b', fontWeight: 700, fontSize: 18, whiteSpace: 'nowrap' }}>
          {t('app.shortTitle')}
        </Link>
        <nav aria-label={t('nav.main')} style={{ flex: 1, minWidth: 0 }}>
          <Menu mode="horizontal" selectedKeys={selected ? [selected] : []} items={items} style={{ borderBottom: 'none' }} />
        </nav>
        <Space size={4}>
          <LanguageSwitch />
          {user ? (
            <>
              <Typography.Text className="sj-user" aria-label={t('user.menu', { name: user.displayName })} ellipsis style={{ maxWidth: 120 }}>
                {user.displayName}
              </Typography.Text>
              <Button
                type="text"
                icon={<LogoutOutlined />}
                aria-label={t('nav.logout')}
                onClick={() => void logout().then(() => navigate('/login'))}
              />
            </>
          ) : null}
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 16 }}>
        <main>
          <Outlet />
        </main>
      </Layout.Content>
    </Layout>
  );
}
