export const ROLES = ['admin', 'partnership_lead', 'academic', 'practitioner'] as const;
export type Role = (typeof ROLES)[number];
