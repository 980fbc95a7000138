import { useCallback, useEffect, useState } from 'react';
import { Button } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useT } from '../i18n';
import { NOTIFICATIONS_CHANGED, notificationsApi } from './notifications-api';

/** How often the bell asks; with the server's 100 ms dispatch a new notification shows within about 1.5 s. */
const pollMs = 1_200;

/**
 * The bell in the header with the unread count. It polls (a cheap indexed count) while the page is
 * visible, rather than holding a stream open: it works unchanged behind any proxy and with several servers.
 */
export function NotificationBell() {
  const t = useT();
  const navigate = useNavigate();
  const [count, setCount] = useState(0);

  const refresh = useCallback(async (signal?: AbortSignal) => {
    try {
      const { count: unread } = await notificationsApi().unreadCount(signal);
      if (!signal?.aborted) setCount(unread);
    } catch {
      // Offline or signed out: keep the last count; the next poll tries again.
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void refresh(controller.signal);
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void refresh(controller.signal);
    }, pollMs);
    const onChange = () => void refresh(controller.signal);
    window.addEventListener(NOTIFICATIONS_CHANGED, onChange);
    document.addEventListener('visibilitychange', onChange);
    return () => {
      controller.abort();
      clearInterval(timer);
      window.removeEventListener(NOTIFICATIONS_CHANGED, onChange);
      document.removeEventListener('visibilitychange', onChange);
    };
  }, [refresh]);

  const label = count > 0 ? t('ntf.bellUnread', { count }) : t('ntf.bell');
  return (
    <Button type="text" aria-label={label} title={label} data-testid="notification-bell" onClick={() => navigate('/notifications')}>
      {/* antd's small Badge look (shell.css) without Badge, which is 4 KB gzipped on every page for one number. */}
      <span className="sj-bell">
        <BellOutlined style={{ fontSize: 18 }} />
        {count > 0 ? <sup className="sj-bell-count">{count > 99 ? '99+' : count}</sup> : null}
      </span>
    </Button>
  );
}
