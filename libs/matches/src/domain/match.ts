export const MATCH_STATUSES = ['proposed', 'approved', 'rejected'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];
