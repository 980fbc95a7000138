/**
 * Role code ids the platform knows (DOMAIN.md §4). Workflows name roles by these ids; the linter
 * reports any other name, because a misspelt role would silently match nobody.
 */
export const knownRoles = [
  'districtAdmin',
  'districtLeader',
  'assessor',
  'instituteAdmin',
  'stationAdmin',
  'proxyOrderer',
  'teamLeader',
  'volunteer',
  'resident',
  'storeOperator',
  'public',
] as const;
export type KnownRole = (typeof knownRoles)[number];
