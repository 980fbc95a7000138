import type { OrgUnitRow } from '../db/types';

export function presentOrgUnit(row: OrgUnitRow) {
  return {
    id: row.id,
    parentId: row.parent_id,
    level: row.level,
    stationType: row.station_type,
    name: row.name,
    nameEn: row.name_en,
    adminDivisionCode: row.admin_division_code,
    active: row.active === 1,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
