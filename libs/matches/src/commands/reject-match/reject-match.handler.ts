import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { transactionWithEvents } from '#libs/events';
import { matchEvent } from '../../domain/match.events.js';
import type { MatchResponse } from '../../http/match.dto.js';
import { toMatchResponse } from '../../http/match.mapper.js';
import { decide, matchToDecide } from '../../persistence/match-to-decide.js';
import { RejectMatchCommand } from './reject-match.command.js';

@CommandHandler(RejectMatchCommand)
export class RejectMatchHandler implements ICommandHandler<RejectMatchCommand> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ matchId, caller, note }: RejectMatchCommand): Promise<MatchResponse> {
    return transactionWithEvents(this.dataSource, async (transaction) => {
      const { match, opportunity } = await matchToDecide(transaction, caller, matchId);
      const saved = await decide(transaction, match, 'rejected', caller, note);
      return { result: toMatchResponse(saved), events: [matchEvent('match.rejected', saved, opportunity.partnershipId, caller.id)] };
    });
  }
}
