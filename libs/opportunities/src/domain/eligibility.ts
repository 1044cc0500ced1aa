import { CAREER_STAGES, type CareerStage } from '#libs/practitioners';
import type { OpportunityStatus } from './opportunity.js';

/** Why a practitioner may not apply, in the order a page tells them. */
export const INELIGIBILITY_REASONS = ['closed', 'no_places', 'already_applied', 'no_profile', 'career_stage', 'peps_stage'] as const;
export type IneligibilityReason = (typeof INELIGIBILITY_REASONS)[number];

export interface Eligibility {
  eligible: boolean;
  reasons: IneligibilityReason[];
}

export interface EligibilityFacts {
  opportunity: { status: OpportunityStatus; closesAt: Date; minimumCareerStage: CareerStage; pepsStage: number | null; placesLeft: number };
  /** The practitioner's profile, null until they save one. */
  profile: { careerStage: CareerStage; pepsStage: number } | null;
  /** Any application of theirs to it, withdrawn included: a practitioner applies to an opportunity once. */
  applied: boolean;
  now: Date;
}

/**
 * Whether a practitioner may apply to an opportunity, and every reason why not: the one rule that
 * applying enforces and an opportunity's page shows. Specialisms and availability only rank
 * practitioners (matching); they never stop anyone applying.
 */
export function eligibilityOf({ opportunity, profile, applied, now }: EligibilityFacts): Eligibility {
  const full = opportunity.status === 'filled' || opportunity.placesLeft <= 0;
  const taking = opportunity.status === 'published' || opportunity.status === 'filled';
  const reasons: IneligibilityReason[] = [];
  if (!taking || opportunity.closesAt.getTime() <= now.getTime()) reasons.push('closed');
  if (full) reasons.push('no_places');
  if (applied) reasons.push('already_applied');
  if (!profile) reasons.push('no_profile');
  else {
    if (CAREER_STAGES.indexOf(profile.careerStage) < CAREER_STAGES.indexOf(opportunity.minimumCareerStage)) reasons.push('career_stage');
    if (opportunity.pepsStage !== null && profile.pepsStage < opportunity.pepsStage) reasons.push('peps_stage');
  }
  return { eligible: reasons.length === 0, reasons };
}
