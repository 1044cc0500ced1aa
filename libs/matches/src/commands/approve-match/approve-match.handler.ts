import { ConflictException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { transactionWithEvents } from '#libs/events';
import type { Caller } from '#libs/identity';
import { type Opportunity, opportunityEvent } from '#libs/opportunities';
import { matchEvent } from '../../domain/match.events.js';
import type { MatchResponse } from '../../http/match.dto.js';
import { toMatchResponse } from '../../http/match.mapper.js';
import { Match } from '../../persistence/match.entity.js';
import { decide, matchToDecide } from '../../persistence/match-to-decide.js';
import { ApproveMatchCommand } from './approve-match.command.js';

@CommandHandler(ApproveMatchCommand)
export class ApproveMatchHandler implements ICommandHandler<ApproveMatchCommand> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ matchId, caller, note }: ApproveMatchCommand): Promise<MatchResponse> {
    return transactionWithEvents(this.dataSource, async (transaction) => {
      const { match, opportunity } = await matchToDecide(transaction, caller, matchId);
      const filled = await this.takePlace(transaction, opportunity, caller);
      const saved = await decide(transaction, match, 'approved', caller, note);
      return { result: toMatchResponse(saved), events: [matchEvent('match.approved', saved, opportunity.partnershipId, caller.id), ...filled] };
    });
  }

  /** Takes one place, or refuses when none is left; the last place fills the opportunity. */
  private async takePlace(transaction: EntityManager, opportunity: Opportunity, caller: Caller) {
    if (!['published', 'closed'].includes(opportunity.status)) {
      throw new ConflictException(`The opportunity is ${opportunity.status}: no places can be taken.`);
    }
    const approved = await transaction.countBy(Match, { opportunityId: opportunity.id, status: 'approved' });
    if (approved >= opportunity.capacity) throw new ConflictException(`All ${opportunity.capacity} places are taken.`);
    if (approved + 1 < opportunity.capacity) return [];
    opportunity.status = 'filled';
    await transaction.save(opportunity);
    return [opportunityEvent('filled', opportunity, caller.id)];
  }
}
