/** Row type of the wish wall (migration 0106); part of `Database` in db/types.ts. */

export interface WishTable {
  id: string;
  /** The requester's station: the wish is visible to that station's and its institute's teams. */
  org_unit_id: string;
  org_path: string;
  requester_id: string;
  /** The requester, or a proxy orderer who posted for them. */
  posted_by: string;
  text: string;
  /** Attachment ids (JSON array). */
  photos: string;
  category: string | null;
  status: 'open' | 'claimed' | 'assigned';
  claimed_team_id: string | null;
  claimed_by: string | null;
  claimed_at: string | null;
  /** The five-order instance the wish runs as, started when it is posted. */
  instance_id: string;
  created_at: string;
  version: number;
}

export interface WishTables {
  wishes: WishTable;
}
