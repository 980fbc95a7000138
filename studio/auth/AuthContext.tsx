import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { authApi, type SessionUser } from '../api/endpoints';
import { announceSessionChange } from './session-events';

export type AuthState =
  | { status: 'loading'; user: null }
  | { status: 'anonymous'; user: null; error?: ApiError | undefined }
  | { status: 'authenticated'; user: SessionUser };

interface AuthContextValue {
  state: AuthState;
  login(username: string, password: string): Promise<SessionUser>;
  logout(): Promise<void>;
}

const AuthContext = createContext<AuthContextValue | undefined>(undefined);

/** Asks the server who is signed in (the session cookie is HttpOnly, so only the server knows). */
const defaultAuthApi = authApi();

export function AuthProvider({ children, api = defaultAuthApi }: { children: ReactNode; api?: ReturnType<typeof authApi> }) {
  const [state, setState] = useState<AuthState>({ status: 'loading', user: null });

  useEffect(() => {
    let cancelled = false;
    api
      .me()
      .then(({ user }) => !cancelled && setState({ status: 'authenticated', user }))
      .catch((error: unknown) => {
        if (cancelled) return;
        setState({ status: 'anonymous', user: null, error: error instanceof ApiError && error.status !== 401 ? error : undefined });
      });
    return () => {
      cancelled = true;
    };
  }, [api]);

  const login = useCallback(
    async (username: string, password: string) => {
      const { user } = await api.login(username, password);
      announceSessionChange();
      setState({ status: 'authenticated', user });
      return user;
    },
    [api],
  );
  const logout = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      announceSessionChange();
      setState({ status: 'anonymous', user: null });
    }
  }, [api]);

  const value = useMemo(() => ({ state, login, logout }), [state, login, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
