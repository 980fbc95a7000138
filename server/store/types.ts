/** Row types of the points store's tables (migration 0105), joined into `Database` in server/db/types.ts. */
export interface StoreTable {
  id: string;
  org_unit_id: string;
  org_path: string;
  name: string;
  name_en: string;
  active: number;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface StoreItemTable {
  id: string;
  store_id: string;
  title_zh: string;
  title_en: string;
  points_price: number;
  stock: number;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface StoreRedemptionTable {
  id: string;
  store_id: string;
  item_id: string;
  org_path: string;
  volunteer_id: string;
  quantity: number;
  /** Points spent (positive); the ledger entry carries the negative. */
  points: number;
  status: 'redeemed' | 'cancelled';
  operator_id: string;
  idempotency_key: string | null;
  request_hash: string;
  ledger_entry_id: string;
  reversal_entry_id: string | null;
  redeemed_at: string;
  cancelled_at: string | null;
  cancelled_by: string | null;
  cancel_reason: string | null;
}

export interface VolunteerCodeTable {
  user_id: string;
  code: string;
  issued_at: string;
}

export interface StarLevelSettingsTable {
  district_unit_id: string;
  /** JSON array of five increasing hour thresholds (一星 … 五星). */
  thresholds: string;
  version: number;
  updated_by: string;
  updated_at: string;
}

export interface StoreTables {
  stores: StoreTable;
  store_items: StoreItemTable;
  store_redemptions: StoreRedemptionTable;
  volunteer_codes: VolunteerCodeTable;
  star_level_settings: StarLevelSettingsTable;
}
