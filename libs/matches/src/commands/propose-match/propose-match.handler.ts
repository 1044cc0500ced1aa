import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { conflictOnDuplicate } from '#libs/database';
import { transactionWithEvents } from '#libs/events';
import { matchEvent } from '../../domain/match.events.js';
import type { MatchResponse } from '../../http/match.dto.js';
import { toMatchResponse } from '../../http/match.mapper.js';
import { Match } from '../../persistence/match.entity.js';
import { fromApplication } from './from-application.js';
import { fromRecommendation } from './from-recommendation.js';
import { ProposeMatchCommand } from './propose-match.command.js';

/** Proposing a match, whether from an application or from a recommendation: each has its own rules, the match is made once. */
@CommandHandler(ProposeMatchCommand)
export class ProposeMatchHandler implements ICommandHandler<ProposeMatchCommand> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ candidate, caller }: ProposeMatchCommand): Promise<MatchResponse> {
    return conflictOnDuplicate('matches_one_live_per_practitioner', 'This practitioner is already proposed or approved for this opportunity.', () =>
      transactionWithEvents(this.dataSource, async (transaction) => {
        const { opportunity, practitionerId, applicationId } =
          candidate.from === 'application'
            ? await fromApplication(transaction, caller, candidate.applicationId)
            : await fromRecommendation(transaction, caller, candidate.opportunityId, candidate.practitionerId);
        const match = await transaction.save(
          transaction.create(Match, { opportunityId: opportunity.id, practitionerId, applicationId, status: 'proposed', proposedBy: caller.id }),
        );
        return { result: toMatchResponse(match), events: [matchEvent('match.proposed', match, opportunity.partnershipId, caller.id)] };
      }),
    );
  }
}
