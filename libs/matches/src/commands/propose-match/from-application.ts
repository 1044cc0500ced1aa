import { ConflictException, ForbiddenException, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Application } from '#libs/applications';
import type { Caller } from '#libs/identity';
import { type Opportunity, visibleOpportunity } from '#libs/opportunities';
import { academicsMayProposeMatches } from '#libs/partnerships';
import { isHostAcademic, isLeadOf } from '../../domain/match-policy.js';
import type { Proposal } from './proposal.js';

/** The leads propose; so do the host university's academics when the partnership lets them. */
async function assertMayPropose(transaction: EntityManager, caller: Caller, opportunity: Opportunity): Promise<void> {
  if (isLeadOf(caller, opportunity)) return;
  const hostAcademic = isHostAcademic(caller, opportunity);
  if (hostAcademic && (await academicsMayProposeMatches(transaction, opportunity.partnershipId))) return;
  throw new ForbiddenException(
    hostAcademic
      ? "This partnership lets only its leads propose matches; a lead can let host academics propose them in the partnership's settings."
      : "Only the partnership's leads, and the host university's academics where the partnership allows it, propose matches.",
  );
}

/** A match made from an application: 404 for one the caller cannot see, 403 unless they may propose, 409 once withdrawn. */
export async function fromApplication(transaction: EntityManager, caller: Caller, applicationId: string): Promise<Proposal> {
  const application = await transaction.findOneBy(Application, { id: applicationId });
  if (!application) throw new NotFoundException(`No application has id ${applicationId}.`);
  const opportunity = await visibleOpportunity(transaction, caller, application.opportunityId).catch(() => {
    throw new NotFoundException(`No application has id ${applicationId}.`);
  });
  await assertMayPropose(transaction, caller, opportunity);
  if (application.status !== 'submitted') throw new ConflictException(`The application is ${application.status}.`);
  return { opportunity, practitionerId: application.practitionerId, applicationId };
}
