import type { EntityManager } from 'typeorm';
import type { CareerStage } from '#libs/practitioners';
import { type Eligibility, eligibilityOf } from '../domain/eligibility.js';
import type { Opportunity } from './opportunity.entity.js';

/**
 * Whether `practitionerId` may apply to the opportunity now, from its state and what is stored about
 * them. Their profile, applications and the approvals that take places are read straight from their
 * tables, in one query: those contexts build on this one, not the other way round.
 */
export async function eligibilityFor(manager: EntityManager, practitionerId: string, opportunity: Opportunity): Promise<Eligibility> {
  const [row] = await manager.query<{ approved: number; applied: boolean; career_stage: CareerStage | null; peps_stage: number | null }[]>(
    `SELECT (SELECT count(*)::int FROM matches WHERE opportunity_id = $1 AND status = 'approved') AS approved,
            EXISTS (SELECT 1 FROM applications WHERE opportunity_id = $1 AND practitioner_id = $2) AS applied,
            p.career_stage, p.peps_stage
     FROM (VALUES (1)) AS one LEFT JOIN practitioner_profiles p ON p.user_id = $2`,
    [opportunity.id, practitionerId],
  );
  return eligibilityOf({
    opportunity: { ...opportunity, placesLeft: opportunity.capacity - row!.approved },
    profile: row!.career_stage ? { careerStage: row!.career_stage, pepsStage: row!.peps_stage! } : null,
    applied: row!.applied,
    now: new Date(),
  });
}
