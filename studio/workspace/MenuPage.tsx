import { Alert, Button, Collapse, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { hasAnyRole } from '../api/endpoints';
import { useAuth } from '../auth/AuthContext';
import { useLocale, useT } from '../i18n';
import { PageLoading } from '../shell/guards';
import { loadMenu } from './menu-data';
import { pick } from './text';
import { useLoad } from './use-load';
import { ORDERING_ROLES, WorkspaceNav } from './WorkspaceNav';
import './workspace.css';

/** 服务菜单: what the center offers, by category; people who may order pick an item here. */
export default function MenuPage() {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const { state } = useAuth();
  const canOrder = hasAnyRole(state.user, ORDERING_ROLES);
  const [menu, reload] = useLoad(() => loadMenu(), [], t);
  return (
    <section className="sj-ws">
      <WorkspaceNav />
      <Typography.Title level={1} className="sj-ws-h1">
        {t('ws.menu.title')}
      </Typography.Title>
      <p className="sj-ws-meta">{t('ws.menu.intro')}</p>
      {menu.status === 'loading' ? <PageLoading /> : null}
      {menu.status === 'failed' ? <Alert type="error" showIcon title={menu.message} action={<Button onClick={reload}>{t('app.retry')}</Button>} /> : null}
      {menu.status === 'ready' ? (
        menu.value.categories.length === 0 ? (
          <p>{t('ws.menu.empty')}</p>
        ) : (
          <>
            <Collapse
              defaultActiveKey={menu.value.categories.filter((c) => c.items.length > 0).map((c) => c.key)}
              items={menu.value.categories
                .filter((category) => category.items.length > 0)
                .map((category) => ({
                  key: category.key,
                  label: pick(category.title, locale),
                  children: (
                    <ul className="sj-ws-list">
                      {category.items.map((item) => (
                        <li key={item.key} className="sj-ws-card" data-item={item.key}>
                          <div className="sj-ws-row">
                            <strong>{pick(item.title, locale)}</strong>
                            {canOrder ? (
                              <Button size="small" type="primary" aria-label={t('ws.menu.orderItem', { item: pick(item.title, locale) })} onClick={() => navigate(`/workspace/order?item=${encodeURIComponent(item.key)}`)}>
                                {t('ws.menu.order')}
                              </Button>
                            ) : null}
                          </div>
                          {item.description ? <div className="sj-ws-meta">{pick(item.description, locale)}</div> : null}
                        </li>
                      ))}
                    </ul>
                  ),
                }))}
            />
            {canOrder ? (
              <Button style={{ marginTop: 12 }} block onClick={() => navigate('/workspace/order')}>
                {t('ws.menu.custom')}
              </Button>
            ) : null}
          </>
        )
      ) : null}
    </section>
  );
}
