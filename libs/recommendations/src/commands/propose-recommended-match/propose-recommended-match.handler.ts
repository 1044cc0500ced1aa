import { ConflictException, NotFoundException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { conflictOnDuplicate } from '#libs/database';
import { transactionWithEvents } from '#libs/events';
import { Match, matchEvent, type MatchResponse, toMatchResponse } from '#libs/matches';
import { Recommendation } from '#libs/matching';
import { visibleOpportunity } from '#libs/opportunities';
import { ProposeRecommendedMatchCommand } from './propose-recommended-match.command.js';

@CommandHandler(ProposeRecommendedMatchCommand)
export class ProposeRecommendedMatchHandler implements ICommandHandler<ProposeRecommendedMatchCommand> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ opportunityId, practitionerId, caller }: ProposeRecommendedMatchCommand): Promise<MatchResponse> {
    return conflictOnDuplicate('matches_one_live_per_practitioner', 'This practitioner is already proposed or approved for this opportunity.', () =>
      transactionWithEvents(this.dataSource, async (transaction) => {
        // Only leads and admins reach here (the route's roles); a lead sees only the partnerships they lead.
        const opportunity = await visibleOpportunity(transaction, caller, opportunityId);
        if (opportunity.status !== 'published') throw new ConflictException(`The opportunity is ${opportunity.status}: no matches can be proposed.`);
        const recommendation = await transaction.findOneBy(Recommendation, { opportunityId, practitionerId });
        if (!recommendation) throw new NotFoundException(`Practitioner ${practitionerId} is not recommended for opportunity ${opportunityId}.`);
        const match = await transaction.save(
          transaction.create(Match, { opportunityId, practitionerId, applicationId: null, status: 'proposed', proposedBy: caller.id }),
        );
        await transaction.delete(Recommendation, { opportunityId, practitionerId });
        return { result: toMatchResponse(match), events: [matchEvent('match.proposed', match, opportunity.partnershipId, caller.id)] };
      }),
    );
  }
}
