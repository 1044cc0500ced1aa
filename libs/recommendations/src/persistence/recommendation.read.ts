import { isUUID } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { cursorKey, londonDateTime, type Page, pageOf } from '#libs/http';
import type { Caller } from '#libs/identity';
import type { MyRecommendationResponse, OpportunityRecommendationResponse } from '../http/recommendation.dto.js';

/** An opportunity's recommended practitioners, best first; every field listed on purpose. */
export async function recommendationsForOpportunity(manager: EntityManager, opportunityId: string): Promise<OpportunityRecommendationResponse[]> {
  const rows = await manager.query<
    {
      practitioner_id: string;
      display_name: string;
      council_id: string;
      council_name: string;
      career_stage: OpportunityRecommendationResponse['practitioner']['careerStage'];
      peps_stage: number;
      specialisms: string[];
      score: number;
      reasons: string[];
      computed_at: Date;
    }[]
  >(
    `SELECT r.practitioner_id, u.display_name, u.council_id, c.name AS council_name, p.career_stage, p.peps_stage, p.specialisms,
            r.score, r.reasons, r.computed_at
     FROM recommendations r
     JOIN users u ON u.id = r.practitioner_id
     JOIN councils c ON c.id = u.council_id
     JOIN practitioner_profiles p ON p.user_id = r.practitioner_id
     WHERE r.opportunity_id = $1
     ORDER BY r.score DESC, r.practitioner_id`,
    [opportunityId],
  );
  return rows.map((row) => ({
    practitioner: {
      id: row.practitioner_id,
      displayName: row.display_name,
      councilId: row.council_id,
      councilName: row.council_name,
      careerStage: row.career_stage,
      pepsStage: row.peps_stage,
      specialisms: row.specialisms,
    },
    score: row.score,
    reasons: row.reasons,
    computedAt: londonDateTime(row.computed_at),
  }));
}

/** A practitioner's recommendations for opportunities still open in their partnerships, best first, a page at a time. */
export async function recommendationsForPractitioner(
  manager: EntityManager,
  practitioner: Caller,
  limit: number,
  cursor: string | undefined,
): Promise<Page<MyRecommendationResponse>> {
  const after = cursorKey(cursor, 2, ([score, id]) => /^\d{1,3}(\.\d{1,2})?$/.test(score!) && isUUID(id!));
  const rows = await manager.query<
    {
      id: string;
      partnership_id: string;
      type: MyRecommendationResponse['opportunity']['type'];
      title: string;
      first_session_at: Date;
      closes_at: Date;
      score: number;
      reasons: string[];
      computed_at: Date;
    }[]
  >(
    `SELECT o.id, o.partnership_id, o.type, o.title, o.first_session_at, o.closes_at, r.score, r.reasons, r.computed_at
     FROM recommendations r JOIN opportunities o ON o.id = r.opportunity_id
     WHERE r.practitioner_id = $1 AND o.status = 'published' AND o.closes_at > now() AND o.partnership_id = ANY ($5::uuid[])
       AND ($2::float8 IS NULL OR r.score < $2::float8 OR (r.score = $2::float8 AND r.opportunity_id > $3::uuid))
     ORDER BY r.score DESC, r.opportunity_id
     LIMIT $4`,
    [practitioner.id, after?.[0] ?? null, after?.[1] ?? null, limit + 1, practitioner.partnershipIds],
  );
  return pageOf(
    rows,
    limit,
    (row) => ({
      opportunity: {
        id: row.id,
        partnershipId: row.partnership_id,
        type: row.type,
        title: row.title,
        firstSessionAt: londonDateTime(row.first_session_at),
        closesAt: londonDateTime(row.closes_at),
      },
      score: row.score,
      reasons: row.reasons,
      computedAt: londonDateTime(row.computed_at),
    }),
    (row) => [String(row.score), row.id],
  );
}
