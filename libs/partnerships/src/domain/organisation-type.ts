/** What a partnership is made of: universities and councils. */
export const ORGANISATION_TYPES = ['university', 'council'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];
