import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { transactionWithEvents } from '#libs/events';
import { takePlace } from '#libs/opportunities';
import { matchEvent } from '../../domain/match.events.js';
import type { MatchResponse } from '../../http/match.dto.js';
import { toMatchResponse } from '../../http/match.mapper.js';
import { decide, matchToDecide } from '../../persistence/match-to-decide.js';
import { ApproveMatchCommand } from './approve-match.command.js';

/** An approval takes one of the opportunity's places (409 when none is left); the last fills it. */
@CommandHandler(ApproveMatchCommand)
export class ApproveMatchHandler implements ICommandHandler<ApproveMatchCommand> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ matchId, caller, note }: ApproveMatchCommand): Promise<MatchResponse> {
    return transactionWithEvents(this.dataSource, async (transaction) => {
      const { match, opportunity } = await matchToDecide(transaction, caller, matchId);
      const filled = await takePlace(transaction, opportunity.id, caller.id);
      const saved = await decide(transaction, match, 'approved', caller, note);
      return { result: toMatchResponse(saved), events: [matchEvent('match.approved', saved, opportunity.partnershipId, caller.id), ...filled] };
    });
  }
}
