import { ForbiddenException } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { canChange, visibleOpportunity } from '#libs/opportunities';
import { practitionerSummaries } from '#libs/practitioners';
import type { OpportunityMatchResponse } from '../../http/match.dto.js';
import { toMatchResponse } from '../../http/match.mapper.js';
import { Match } from '../../persistence/match.entity.js';
import { OpportunityMatchesQuery } from './opportunity-matches.query.js';

@QueryHandler(OpportunityMatchesQuery)
export class OpportunityMatchesHandler implements IQueryHandler<OpportunityMatchesQuery> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ opportunityId, caller }: OpportunityMatchesQuery): Promise<OpportunityMatchResponse[]> {
    const manager = this.dataSource.manager;
    const opportunity = await visibleOpportunity(manager, caller, opportunityId);
    if (!canChange(caller, opportunity)) throw new ForbiddenException("Only the opportunity's hosts and the partnership's leads see its matches.");
    const matches = await manager.find(Match, { where: { opportunityId }, order: { proposedAt: 'ASC' } });
    const practitioners = await practitionerSummaries(manager, matches.map((match) => match.practitionerId));
    return matches.map((match) => ({ ...toMatchResponse(match), practitioner: practitioners.get(match.practitionerId)! }));
  }
}
