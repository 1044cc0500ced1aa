import { ConflictException, ForbiddenException, NotFoundException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Application } from '#libs/applications';
import { conflictOnDuplicate } from '#libs/database';
import { transactionWithEvents } from '#libs/events';
import type { Caller } from '#libs/identity';
import { type Opportunity, visibleOpportunity } from '#libs/opportunities';
import { academicsMayProposeMatches } from '#libs/partnerships';
import { matchEvent } from '../../domain/match.events.js';
import { isHostAcademic, isLeadOf } from '../../domain/match-policy.js';
import type { MatchResponse } from '../../http/match.dto.js';
import { toMatchResponse } from '../../http/match.mapper.js';
import { Match } from '../../persistence/match.entity.js';
import { ProposeMatchCommand } from './propose-match.command.js';

/** The leads propose; so do the host university's academics when the partnership lets them. */
async function assertMayPropose(transaction: EntityManager, caller: Caller, opportunity: Opportunity): Promise<void> {
  if (isLeadOf(caller, opportunity)) return;
  const hostAcademic = isHostAcademic(caller, opportunity);
  if (hostAcademic && (await academicsMayProposeMatches(transaction, opportunity.partnershipId))) return;
  throw new ForbiddenException(
    hostAcademic
      ? "This partnership lets only its leads propose matches; a lead can let host academics propose them in the partnership's settings."
      : "Only the partnership's leads, and the host university's academics where the partnership allows it, propose matches.",
  );
}

@CommandHandler(ProposeMatchCommand)
export class ProposeMatchHandler implements ICommandHandler<ProposeMatchCommand> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ applicationId, caller }: ProposeMatchCommand): Promise<MatchResponse> {
    return conflictOnDuplicate('matches_one_live_per_practitioner', 'This practitioner is already proposed or approved for this opportunity.', () =>
      transactionWithEvents(this.dataSource, async (transaction) => {
        const application = await transaction.findOneBy(Application, { id: applicationId });
        if (!application) throw new NotFoundException(`No application has id ${applicationId}.`);
        const opportunity = await visibleOpportunity(transaction, caller, application.opportunityId).catch(() => {
          throw new NotFoundException(`No application has id ${applicationId}.`);
        });
        await assertMayPropose(transaction, caller, opportunity);
        if (application.status !== 'submitted') throw new ConflictException(`The application is ${application.status}.`);
        const match = await transaction.save(
          transaction.create(Match, {
            opportunityId: application.opportunityId,
            practitionerId: application.practitionerId,
            applicationId,
            status: 'proposed',
            proposedBy: caller.id,
          }),
        );
        return { result: toMatchResponse(match), events: [matchEvent('match.proposed', match, opportunity.partnershipId, caller.id)] };
      }),
    );
  }
}
