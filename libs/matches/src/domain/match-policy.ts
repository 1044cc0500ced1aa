import { type Caller, isAdmin } from '#libs/identity';
import type { Opportunity } from '#libs/opportunities';

/** The partnership's leads (and admins): they decide matches, and may always propose them. */
export function isLeadOf(caller: Caller, opportunity: Pick<Opportunity, 'partnershipId'>): boolean {
  return isAdmin(caller) || (caller.role === 'partnership_lead' && caller.partnershipIds.includes(opportunity.partnershipId));
}

/** An academic of the host university: they propose matches only where the partnership lets them. */
export function isHostAcademic(caller: Caller, opportunity: Pick<Opportunity, 'hostUniversityId'>): boolean {
  return caller.role === 'academic' && caller.universityId !== null && caller.universityId === opportunity.hostUniversityId;
}
