import type { Role } from '../api/endpoints';

/** Who answers a survey or posts a wish for a resident without a phone (帮办). */
export const PROXY_ROLES: readonly Role[] = ['proxyOrderer', 'stationAdmin'];
/** Who publishes needs surveys (the server's publisher roles). */
export const SURVEY_PUBLISHER_ROLES: readonly Role[] = ['districtAdmin', 'instituteAdmin'];
/** Who reads survey results and proposes menu items from them. */
export const NEEDS_STAFF_ROLES: readonly Role[] = ['districtAdmin', 'instituteAdmin', 'stationAdmin'];
/** Who posts a wish. */
export const WISH_POSTER_ROLES: readonly Role[] = ['resident', 'proxyOrderer', 'stationAdmin'];
/** Who assigns a wish to a team. */
export const WISH_ASSIGNER_ROLES: readonly Role[] = ['stationAdmin', 'instituteAdmin', 'districtAdmin'];
