import type { EntityManager } from 'typeorm';
import { InvalidRequestException } from '#libs/http';
import type { Caller } from '#libs/identity';
import { specialismProblems } from '#libs/practitioners';
import { scheduleProblems, typeProblems, type OpportunityType } from '../domain/opportunity.js';
import type { OpportunityDetails } from '../http/opportunity.dto.js';
import { OpportunitySession } from './opportunity-session.entity.js';
import type { Opportunity } from './opportunity.entity.js';

/** Refuses details that break the schedule or type rules, or name specialisms the caller's vocabulary lacks. */
export async function assertValidDetails(manager: EntityManager, caller: Caller, type: OpportunityType, details: OpportunityDetails): Promise<void> {
  const problems = [
    ...scheduleProblems(details),
    ...typeProblems(type, details.pepsStage),
    ...(await specialismProblems(manager, caller, details.requiredSpecialisms, 'requiredSpecialisms')),
  ];
  if (problems.length > 0) throw new InvalidRequestException(problems);
}

/** The editable columns from a request. */
export function columnsOf(details: OpportunityDetails): Partial<Opportunity> {
  return {
    title: details.title,
    description: details.description,
    capacity: details.capacity,
    requiredSpecialisms: details.requiredSpecialisms,
    minimumCareerStage: details.minimumCareerStage,
    pepsStage: details.pepsStage ?? null,
    closesAt: new Date(details.closesAt),
    firstSessionAt: new Date(Math.min(...details.sessions.map((session) => Date.parse(session.startsAt)))),
    contact: details.contact,
  };
}

/** Replaces the opportunity's sessions with those of the request. */
export async function replaceSessions(transaction: EntityManager, opportunityId: string, details: OpportunityDetails): Promise<void> {
  await transaction.delete(OpportunitySession, { opportunityId });
  await transaction.insert(
    OpportunitySession,
    details.sessions.map((session) => ({
      opportunityId,
      startsAt: new Date(session.startsAt),
      endsAt: new Date(session.endsAt),
      place: session.place ?? null,
      onlineLink: session.onlineLink ?? null,
    })),
  );
}
