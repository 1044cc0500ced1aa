import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { transactionWithEvents } from '#libs/events';
import type { OpportunityResponse } from '../../http/opportunity.dto.js';
import { forChange, saveStatusChange } from '../../persistence/opportunity-for-change.js';
import { CloseOpportunityCommand } from './close-opportunity.command.js';

@CommandHandler(CloseOpportunityCommand)
export class CloseOpportunityHandler implements ICommandHandler<CloseOpportunityCommand> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ id, caller }: CloseOpportunityCommand): Promise<OpportunityResponse> {
    return transactionWithEvents(this.dataSource, async (transaction) => {
      const { opportunity, next } = await forChange(transaction, caller, id, 'close');
      return saveStatusChange(transaction, opportunity, { status: next }, 'closed', caller);
    });
  }
}
