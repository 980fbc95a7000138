/** Typed calls for the routes the shell uses; the shapes follow the server's OpenAPI document. */
import type { FormDefinition } from '../../runtime/schema/form';
import { api, type Client } from './client';

export type Role =
  | 'districtAdmin'
  | 'districtLeader'
  | 'assessor'
  | 'instituteAdmin'
  | 'stationAdmin'
  | 'proxyOrderer'
  | 'teamLeader'
  | 'volunteer'
  | 'resident'
  | 'storeOperator'
  | 'public';

export interface RoleGrant {
  role: Role;
  orgUnitId: string;
  orgUnitName: string;
}

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  roles: RoleGrant[];
}

export type DefinitionStatus = 'draft' | 'published' | 'retired';

export interface StoredDefinition<B> {
  kind: string;
  key: string;
  version: number;
  status: DefinitionStatus;
  body: B;
}

export function authApi(client: Client = api) {
  return {
    login: (username: string, password: string) => client.post<{ user: SessionUser }>('/api/auth/login', { username, password }),
    logout: () => client.post<void>('/api/auth/logout'),
    me: () => client.get<{ user: SessionUser }>('/api/auth/me'),
  };
}

export function definitionsApi(client: Client = api) {
  return {
    getForm: (key: string, version?: number, signal?: AbortSignal) =>
      client.get<StoredDefinition<FormDefinition>>(`/api/definitions/form/${encodeURIComponent(key)}`, { query: { version }, ...(signal ? { signal } : {}) }),
  };
}

/** District staff see the designer; everybody sees the workspace. */
export const DISTRICT_ROLES: readonly Role[] = ['districtAdmin', 'districtLeader', 'assessor'];
/** Admins keep a unit's records (plans, check-in sessions, service hours); the others with access only read them. */
export const ADMIN_ROLES: readonly Role[] = ['districtAdmin', 'instituteAdmin', 'stationAdmin'];

export function hasAnyRole(user: SessionUser | null | undefined, roles: readonly Role[]): boolean {
  return !!user && user.roles.some((grant) => roles.includes(grant.role));
}
