import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Application, toApplicationResponse } from '#libs/applications';
import { canSeePartnership, isAdmin } from '#libs/identity';
import { Opportunity } from '#libs/opportunities';
import { practitionerSummaries } from '#libs/practitioners';
import type { PartnershipDecisions } from '../../http/decisions.dto.js';
import { matchDetails, placesById } from '../../persistence/match-details.js';
import { Match } from '../../persistence/match.entity.js';
import { PartnershipDecisionsQuery } from './partnership-decisions.query.js';

const LIST_LIMIT = 50;
const CLOSING_WITHIN = '14 days';

@QueryHandler(PartnershipDecisionsQuery)
export class PartnershipDecisionsHandler implements IQueryHandler<PartnershipDecisionsQuery> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ partnershipId, caller }: PartnershipDecisionsQuery): Promise<PartnershipDecisions> {
    const manager = this.dataSource.manager;
    const exists = canSeePartnership(caller, partnershipId) && (await manager.query<unknown[]>('SELECT 1 FROM partnerships WHERE id = $1', [partnershipId])).length > 0;
    if (!exists) throw new NotFoundException(`No partnership has id ${partnershipId}.`);
    if (!isAdmin(caller) && caller.role !== 'partnership_lead') throw new ForbiddenException("Only the partnership's leads see what waits for them.");
    const [[proposed, proposedCount], [waiting, waitingCount], [closing, closingCount]] = await Promise.all([
      manager
        .createQueryBuilder(Match, 'm')
        .innerJoin(Opportunity, 'o', 'o.id = m.opportunity_id')
        .where(`o.partnership_id = :partnershipId AND m.status = 'proposed' AND o.status IN ('published', 'closed', 'filled')`, { partnershipId })
        .orderBy('m.proposedAt', 'ASC')
        .addOrderBy('m.id', 'ASC')
        .take(LIST_LIMIT)
        .getManyAndCount(),
      manager
        .createQueryBuilder(Application, 'a')
        .innerJoin(Opportunity, 'o', 'o.id = a.opportunity_id')
        .where(`o.partnership_id = :partnershipId AND a.status = 'submitted' AND o.status IN ('published', 'closed')`, { partnershipId })
        // Made from it, or the same person matched from a recommendation: either way it is in hand.
        .andWhere(
          `NOT EXISTS (SELECT 1 FROM matches m WHERE m.application_id = a.id
             OR (m.opportunity_id = a.opportunity_id AND m.practitioner_id = a.practitioner_id AND m.status IN ('proposed', 'approved')))`,
        )
        .orderBy('a.submittedAt', 'ASC')
        .addOrderBy('a.id', 'ASC')
        .take(LIST_LIMIT)
        .getManyAndCount(),
      manager
        .createQueryBuilder(Opportunity, 'o')
        .where(`o.partnership_id = :partnershipId AND o.status = 'published' AND o.closes_at > now() AND o.closes_at <= now() + interval '${CLOSING_WITHIN}'`, {
          partnershipId,
        })
        .andWhere(`(SELECT count(*) FROM matches m WHERE m.opportunity_id = o.id AND m.status = 'approved') < o.capacity`)
        .orderBy('o.closesAt', 'ASC')
        .addOrderBy('o.id', 'ASC')
        .take(LIST_LIMIT)
        .getManyAndCount(),
    ]);
    const [matches, people, places] = await Promise.all([
      matchDetails(manager, proposed),
      practitionerSummaries(manager, waiting.map((application) => application.practitionerId)),
      placesById(manager, [...waiting.map((application) => application.opportunityId), ...closing.map((opportunity) => opportunity.id)]),
    ]);
    return {
      proposedMatches: matches,
      waitingApplications: waiting.map((application) => ({
        application: toApplicationResponse(application),
        practitioner: people.get(application.practitionerId)!,
        opportunity: places.get(application.opportunityId)!,
      })),
      closingSoon: closing.map((opportunity) => places.get(opportunity.id)!),
      counts: { proposedMatches: proposedCount, waitingApplications: waitingCount, closingSoon: closingCount },
    };
  }
}
