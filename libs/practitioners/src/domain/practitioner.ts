/** Career stages, from the first to the most senior: "at or above a minimum" compares positions here. */
export const CAREER_STAGES = [
  'student',
  'asye',
  'social_worker',
  'senior_practitioner',
  'advanced_practitioner',
  'team_manager',
  'principal_social_worker',
] as const;
export type CareerStage = (typeof CAREER_STAGES)[number];

/** Practice Educator Professional Standards: 0 none, 1 stage 1, 2 stage 2. */
export const PEPS_STAGES = [0, 1, 2] as const;
export type PepsStage = (typeof PEPS_STAGES)[number];

export const FORMATS = ['in_person', 'online'] as const;
export type Format = (typeof FORMATS)[number];

/** ISO weekdays: 1 Monday to 7 Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export interface Period {
  from: string;
  to: string;
}
