import { ForbiddenException } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Application, toApplicationResponse } from '#libs/applications';
import { canChange, visibleOpportunity } from '#libs/opportunities';
import { practitionerSummaries } from '#libs/practitioners';
import type { ApplicationDetails, OpportunityDecisions } from '../../http/decisions.dto.js';
import { toMatchResponse } from '../../http/match.mapper.js';
import { placesById } from '../../persistence/match-details.js';
import { Match } from '../../persistence/match.entity.js';
import { OpportunityDecisionsQuery } from './opportunity-decisions.query.js';

@QueryHandler(OpportunityDecisionsQuery)
export class OpportunityDecisionsHandler implements IQueryHandler<OpportunityDecisionsQuery> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ opportunityId, caller }: OpportunityDecisionsQuery): Promise<OpportunityDecisions> {
    const manager = this.dataSource.manager;
    const opportunity = await visibleOpportunity(manager, caller, opportunityId);
    if (!canChange(caller, opportunity)) throw new ForbiddenException("Only the opportunity's hosts and the partnership's leads see its applications and matches.");
    const [applications, matches, places] = await Promise.all([
      manager.find(Application, { where: { opportunityId }, order: { submittedAt: 'ASC', id: 'ASC' } }),
      manager.find(Match, { where: { opportunityId }, order: { proposedAt: 'ASC', id: 'ASC' } }),
      placesById(manager, [opportunityId]),
    ]);
    const people = await practitionerSummaries(manager, [...applications.map((a) => a.practitionerId), ...matches.map((m) => m.practitionerId)]);
    const withPlaces = places.get(opportunityId)!;
    const madeFrom = (application: Application) => matches.filter((match) => match.applicationId === application.id).at(-1);
    return {
      opportunity: withPlaces,
      applications: applications.map(
        (application): ApplicationDetails => ({
          application: toApplicationResponse(application),
          practitioner: people.get(application.practitionerId)!,
          matchId: madeFrom(application)?.id ?? null,
          matchStatus: madeFrom(application)?.status ?? null,
        }),
      ),
      matches: matches.map((match) => ({ match: toMatchResponse(match), practitioner: people.get(match.practitionerId)!, opportunity: withPlaces })),
    };
  }
}
