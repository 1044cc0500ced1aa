import type { Schema } from '#libs/api-contract';

type OpportunityType = Schema<'OpportunityResponse'>['type'];
type CareerStage = Schema<'OpportunityResponse'>['minimumCareerStage'];
type OpportunityStatus = Schema<'OpportunityResponse'>['status'];

/** The words people read for the API's codes. */
export const OPPORTUNITY_TYPE_LABELS: Record<OpportunityType, string> = {
  teaching: 'Teaching',
  interviewing: 'Interviewing applicants',
  research: 'Research',
  practice_educator: 'Practice educator',
};

export const CAREER_STAGE_LABELS: Record<CareerStage, string> = {
  student: 'Student',
  asye: 'Newly qualified (ASYE)',
  social_worker: 'Social worker',
  senior_practitioner: 'Senior practitioner',
  advanced_practitioner: 'Advanced practitioner',
  team_manager: 'Practice supervisor or team manager',
  principal_social_worker: 'Principal social worker',
};

export const OPPORTUNITY_STATUS_LABELS: Record<OpportunityStatus, string> = {
  draft: 'Draft',
  published: 'Open',
  closed: 'Closed',
  filled: 'Filled',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

/** govuk-tag colours: a status reads at a glance. */
export const STATUS_TAG_CLASSES: Record<string, string> = {
  draft: 'govuk-tag--grey',
  published: 'govuk-tag--green',
  closed: 'govuk-tag--yellow',
  filled: 'govuk-tag--blue',
  completed: 'govuk-tag--grey',
  cancelled: 'govuk-tag--red',
  submitted: 'govuk-tag--blue',
  withdrawn: 'govuk-tag--grey',
  proposed: 'govuk-tag--yellow',
  approved: 'govuk-tag--green',
  rejected: 'govuk-tag--red',
  active: 'govuk-tag--green',
  invited: 'govuk-tag--light-blue',
  expired: 'govuk-tag--orange',
};

export const APPLICATION_STATUS_LABELS: Record<string, string> = { submitted: 'Submitted', withdrawn: 'Withdrawn' };
export const MATCH_STATUS_LABELS: Record<string, string> = { proposed: 'Proposed', approved: 'Approved', rejected: 'Not approved' };

export function pepsLabel(stage: number | null | undefined): string {
  return stage ? `PEPS stage ${stage}` : 'None';
}

type Role = Schema<'PersonResponse'>['role'];
type PersonStatus = Schema<'PersonResponse'>['status'];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  partnership_lead: 'Partnership lead',
  academic: 'Academic',
  practitioner: 'Practitioner',
};

export const PERSON_STATUS_LABELS: Record<PersonStatus, string> = { invited: 'Invited', expired: 'Invitation expired', active: 'Active' };
