import { useState, type FormEvent } from 'react';
import { Alert, Button } from 'antd';
// antd's Input and Password by their own modules: antd's `Input` export carries TextArea, Search and OTP
// along (about 4 KB gzipped) on the first screen, which needs neither.
import Input from 'antd/es/input/Input';
import Password from 'antd/es/input/Password';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../api/client';
import { useAuth } from '../auth/AuthContext';
import { useT } from '../i18n';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { Panel } from '../shell/Panel';

// A plain form and headings rather than antd's Form and Typography: the login is the first screen on
// every phone, and those bring ~13 KB (rc-field-form, async-validator) and a tooltip stack, gzipped.
export function LoginPage() {
  const t = useT();
  const { state, login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (state.status === 'authenticated') return <Navigate to={from} replace />;

  const usernameError = tried && !username.trim() ? t('login.usernameRequired') : undefined;
  const passwordError = tried && !password ? t('login.passwordRequired') : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!username.trim() || !password) return;
    setBusy(true);
    setError(undefined);
    try {
      await login(username.trim(), password);
      navigate(from, { replace: true });
    } catch (e) {
      const detail = e instanceof ApiError ? (e.isNetwork ? t('api.network') : (e.detail ?? e.title)) : String(e);
      setError(t('login.failed', { detail }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 16, boxSizing: 'border-box' }}>
      <Panel style={{ width: '100%', maxWidth: 380 }}>
        <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <LanguageSwitch />
        </div>
        <h1 className="sj-login-brand">{t('app.title')}</h1>
        <p className="sj-secondary">{t('login.subtitle')}</p>
        <h2 className="sj-login-title">{t('login.title')}</h2>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" /> : null}
        {!error && state.status === 'anonymous' && state.error ? (
          <Alert type="warning" showIcon title={state.error.isNetwork ? t('api.network') : t('api.unavailable')} style={{ marginBottom: 16 }} />
        ) : null}
        <form onSubmit={(e) => void submit(e)} noValidate>
          <div className="sj-login-field">
            <label htmlFor="login-username">{t('login.username')}</label>
            <Input
              id="login-username"
              prefix={<UserOutlined />}
              autoComplete="username"
              autoCapitalize="off"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              status={usernameError ? 'error' : undefined}
              aria-invalid={usernameError ? true : undefined}
              aria-describedby={usernameError ? 'login-username-error' : undefined}
              disabled={busy}
            />
            {usernameError ? <div id="login-username-error" className="sj-login-error">{usernameError}</div> : null}
          </div>
          <div className="sj-login-field">
            <label htmlFor="login-password">{t('login.password')}</label>
            <Password
              id="login-password"
              prefix={<LockOutlined />}
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              status={passwordError ? 'error' : undefined}
              aria-invalid={passwordError ? true : undefined}
              aria-describedby={passwordError ? 'login-password-error' : undefined}
              disabled={busy}
            />
            {passwordError ? <div id="login-password-error" className="sj-login-error">{passwordError}</div> : null}
          </div>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login.submit')}
          </Button>
        </form>
        <p className="sj-secondary" style={{ marginTop: 16, fontSize: 12 }}>
          {t('login.demoHint')}
        </p>
        <p style={{ marginTop: 12 }}>
          {/* antd's default link blue falls short of 4.5:1 on white. */}
          <Link to="/public" style={{ color: '#1f4e79' }}>
            {t('pub.publicLink')}
          </Link>
        </p>
      </Panel>
    </main>
  );
}
