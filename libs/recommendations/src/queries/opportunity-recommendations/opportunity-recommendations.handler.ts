import { ForbiddenException } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { londonDateTime } from '#libs/http';
import { canChange, visibleOpportunity } from '#libs/opportunities';
import type { OpportunityRecommendationResponse } from '../../http/recommendation.dto.js';
import { OpportunityRecommendationsQuery } from './opportunity-recommendations.query.js';

@QueryHandler(OpportunityRecommendationsQuery)
export class OpportunityRecommendationsHandler implements IQueryHandler<OpportunityRecommendationsQuery> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every field listed on purpose. */
  async execute({ opportunityId, caller }: OpportunityRecommendationsQuery): Promise<OpportunityRecommendationResponse[]> {
    const opportunity = await visibleOpportunity(this.dataSource.manager, caller, opportunityId);
    if (!canChange(caller, opportunity)) throw new ForbiddenException("Only the opportunity's hosts and the partnership's leads see its recommendations.");
    const rows = await this.dataSource.manager.query<
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
}
