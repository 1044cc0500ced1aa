import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { transactionWithEvents } from '#libs/events';
import type { OpportunityResponse } from '../../http/opportunity.dto.js';
import { forChange, saveStatusChange } from '../../persistence/opportunity-for-change.js';
import { CompleteOpportunityCommand } from './complete-opportunity.command.js';

@CommandHandler(CompleteOpportunityCommand)
export class CompleteOpportunityHandler implements ICommandHandler<CompleteOpportunityCommand> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ id, caller }: CompleteOpportunityCommand): Promise<OpportunityResponse> {
    return transactionWithEvents(this.dataSource, async (transaction) => {
      const { opportunity, next } = await forChange(transaction, caller, id, 'complete');
      return saveStatusChange(transaction, opportunity, { status: next }, 'completed', caller);
    });
  }
}
