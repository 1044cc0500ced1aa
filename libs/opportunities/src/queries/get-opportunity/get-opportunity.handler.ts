import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OpportunityResponse } from '../../http/opportunity.dto.js';
import { eligibilityFor } from '../../persistence/eligibility.read.js';
import { toOpportunityResponse, visibleOpportunity } from '../../persistence/opportunity.read.js';
import { GetOpportunityQuery } from './get-opportunity.query.js';

@QueryHandler(GetOpportunityQuery)
export class GetOpportunityHandler implements IQueryHandler<GetOpportunityQuery> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ id, caller }: GetOpportunityQuery): Promise<OpportunityResponse> {
    const manager = this.dataSource.manager;
    const opportunity = await visibleOpportunity(manager, caller, id);
    const response = await toOpportunityResponse(manager, opportunity, caller);
    return caller.role === 'practitioner' ? { ...response, eligibility: await eligibilityFor(manager, caller.id, opportunity) } : response;
  }
}
