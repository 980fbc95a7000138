/** The store area's calls; shapes follow server/routes/store/schema.ts. */
import { api, type Client } from '../api/client';

export interface Bilingual {
  'zh-CN': string;
  en: string;
}

export interface Store {
  id: string;
  orgUnitId: string;
  name: Bilingual;
  active: boolean;
  version: number;
  mayOperate: boolean;
}

export interface RewardItem {
  id: string;
  storeId: string;
  title: Bilingual;
  pointsPrice: number;
  stock: number;
  active: boolean;
  version: number;
}

export interface Redemption {
  id: string;
  storeId: string;
  itemId: string;
  itemTitle: Bilingual;
  volunteer: { id: string; displayName: string };
  quantity: number;
  points: number;
  status: 'redeemed' | 'cancelled';
  redeemedAt: string;
  cancelledAt: string | null;
}

export interface PointsOverview {
  balance: number;
  hours: number;
  level: { level: number; hours: number; nextAt: number | null; progress: number; thresholds: number[] };
  code: { code: string; display: string; qr: string };
  history: { id: string; points: number; kind: string; at: string; redemption: { id: string; itemTitle: Bilingual; quantity: number; status: string } | null }[];
}

export interface VolunteerAtCounter {
  id: string;
  displayName: string;
  balance: number;
}

export type ItemInput = { title: Bilingual; pointsPrice: number; stock: number };

export function storeApi(client: Client = api) {
  const enc = encodeURIComponent;
  return {
    stores: (operable: boolean, signal?: AbortSignal) => client.get<{ items: Store[] }>('/api/store/stores', { query: { operable: operable ? '1' : undefined }, ...(signal ? { signal } : {}) }),
    openStore: (orgUnitId: string, name: Bilingual) => client.post<Store>('/api/store/stores', { orgUnitId, name }),
    items: (storeId: string, signal?: AbortSignal) => client.get<{ items: RewardItem[] }>(`/api/store/stores/${enc(storeId)}/items`, signal ? { signal } : {}),
    addItem: (storeId: string, input: ItemInput) => client.post<RewardItem>(`/api/store/stores/${enc(storeId)}/items`, input),
    changeItem: (item: RewardItem, change: Partial<ItemInput> & { active?: boolean }) =>
      client.patch<RewardItem>(`/api/store/items/${enc(item.id)}`, change, { headers: { 'If-Match': `"${item.version}"` } }),
    lookup: (storeId: string, code: string) => client.get<VolunteerAtCounter>(`/api/store/volunteers/${enc(code)}`, { query: { storeId } }),
    redeem: (input: { storeId: string; itemId: string; volunteerCode: string; quantity: number }, idempotencyKey: string) =>
      client.post<Redemption>('/api/store/redemptions', input, { headers: { 'Idempotency-Key': idempotencyKey } }),
    cancel: (id: string) => client.post<Redemption>(`/api/store/redemptions/${enc(id)}/cancel`, {}),
    redemptions: (storeId: string, signal?: AbortSignal) => client.get<{ items: Redemption[] }>('/api/store/redemptions', { query: { storeId, limit: 20 }, ...(signal ? { signal } : {}) }),
    myPoints: (signal?: AbortSignal) => client.get<PointsOverview>('/api/volunteers/me/points', signal ? { signal } : {}),
    rotateCode: () => client.post<PointsOverview['code']>('/api/volunteers/me/code/rotate'),
  };
}
