import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Alert, Spin } from 'antd';
import { hasAnyRole, type Role } from '../api/endpoints';
import { useAuth } from '../auth/AuthContext';
import { useT } from '../i18n';

export function PageLoading() {
  const t = useT();
  return (
    <div style={{ padding: 48, textAlign: 'center' }} role="status">
      <Spin />
      <div style={{ marginTop: 8 }}>{t('app.loading')}</div>
    </div>
  );
}

/** Signed-out visitors go to the login page and come back to where they were going. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status === 'loading') return <PageLoading />;
  if (state.status === 'anonymous') return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { state } = useAuth();
  const t = useT();
  // An Alert, not antd's Result: Result's illustrations would weigh on every first screen.
  if (!hasAnyRole(state.user, roles)) return <Alert type="warning" showIcon title={t('app.forbidden')} />;
  return <>{children}</>;
}
