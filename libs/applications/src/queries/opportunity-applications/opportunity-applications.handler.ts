import { ForbiddenException } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { canChange, visibleOpportunity } from '#libs/opportunities';
import { practitionerSummaries } from '#libs/practitioners';
import type { OpportunityApplicationResponse } from '../../http/application.dto.js';
import { toApplicationResponse } from '../../http/application.mapper.js';
import { Application } from '../../persistence/application.entity.js';
import { OpportunityApplicationsQuery } from './opportunity-applications.query.js';

@QueryHandler(OpportunityApplicationsQuery)
export class OpportunityApplicationsHandler implements IQueryHandler<OpportunityApplicationsQuery> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ opportunityId, caller }: OpportunityApplicationsQuery): Promise<OpportunityApplicationResponse[]> {
    const manager = this.dataSource.manager;
    const opportunity = await visibleOpportunity(manager, caller, opportunityId);
    if (!canChange(caller, opportunity)) throw new ForbiddenException("Only the opportunity's hosts and the partnership's leads see its applications.");
    const applications = await manager.find(Application, { where: { opportunityId }, order: { submittedAt: 'ASC' } });
    const applicants = await practitionerSummaries(manager, applications.map((application) => application.practitionerId));
    return applications.map((application) => ({ ...toApplicationResponse(application), applicant: applicants.get(application.practitionerId)! }));
  }
}
