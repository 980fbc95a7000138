import type { ApiClient } from '../support/client';

export interface Item {
  id: string;
  storeId: string;
  pointsPrice: number;
  stock: number;
  version: number;
  active: boolean;
}
export interface Redemption {
  id: string;
  points: number;
  quantity: number;
  status: 'redeemed' | 'cancelled';
  volunteer: { id: string; displayName: string };
}
export interface Overview {
  balance: number;
  hours: number;
  level: { level: number; nextAt: number | null; progress: number; thresholds: number[] };
  code: { code: string; display: string; qr: string };
  history: { id: string; points: number; kind: string; redemption: { id: string; status: string } | null }[];
}
export interface Problem {
  type: string;
  status: number;
  rule?: string;
  errors?: { pointer: string; code: string }[];
}

export const meOf = async (client: ApiClient) => (await client.get<{ user: { id: string; roles: { orgUnitId: string; role: string }[] } }>('/api/auth/me')).body.user;

/** Final service hours for a volunteer, the way a station books them: draft → noticed → final (credits points). */
export async function creditHours(stationAdmin: ApiClient, orgUnitId: string, volunteerId: string, hours: number): Promise<void> {
  let left = hours;
  while (left > 0) {
    const chunk = Math.min(24, left);
    left = Math.round((left - chunk) * 100) / 100;
    const created = await stationAdmin.post<{ id: string }>('/api/service-records', { orgUnitId, volunteerId, activityDate: '2026-02-14', hours: chunk });
    if (created.status !== 201) throw new Error(`service record → ${created.status} ${created.text}`);
    for (const [version, action] of [[1, 'notice'], [2, 'finalise']] as const) {
      const changed = await stationAdmin.post(`/api/service-records/${created.body.id}/changes`, { action }, { headers: { 'if-match': `"${version}"` } });
      if (changed.status !== 200) throw new Error(`${action} → ${changed.status} ${changed.text}`);
    }
  }
}
