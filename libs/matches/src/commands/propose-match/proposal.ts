import type { Opportunity } from '#libs/opportunities';

/** What a match is made of once the candidate's own rules allow it. */
export interface Proposal {
  opportunity: Opportunity;
  practitionerId: string;
  applicationId: string | null;
}
