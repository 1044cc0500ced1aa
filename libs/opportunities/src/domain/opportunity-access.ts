import { type Caller, canSeePartnership, isAdmin } from '#libs/identity';
import type { Opportunity } from '../persistence/opportunity.entity.js';

/** Who may change an opportunity: an admin, the partnership's leads, and the host university's academics. */
export function canChange(caller: Caller, opportunity: Opportunity): boolean {
  if (isAdmin(caller)) return true;
  if (!caller.partnershipIds.includes(opportunity.partnershipId)) return false;
  if (caller.role === 'partnership_lead') return true;
  return caller.role === 'academic' && caller.universityId !== null && caller.universityId === opportunity.hostUniversityId;
}

/** Who may see it: anyone in its partnership once published; a draft only those who may change it. */
export function canSee(caller: Caller, opportunity: Opportunity): boolean {
  if (!canSeePartnership(caller, opportunity.partnershipId)) return false;
  return opportunity.status !== 'draft' || canChange(caller, opportunity);
}
