import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { transactionWithEvents } from '#libs/events';
import type { OpportunityResponse } from '../../http/opportunity.dto.js';
import { forChange, saveStatusChange } from '../../persistence/opportunity-for-change.js';
import { CancelOpportunityCommand } from './cancel-opportunity.command.js';

@CommandHandler(CancelOpportunityCommand)
export class CancelOpportunityHandler implements ICommandHandler<CancelOpportunityCommand> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ id, caller, reason }: CancelOpportunityCommand): Promise<OpportunityResponse> {
    return transactionWithEvents(this.dataSource, async (transaction) => {
      const { opportunity, next } = await forChange(transaction, caller, id, 'cancel');
      return saveStatusChange(transaction, opportunity, { status: next, cancellationReason: reason }, 'cancelled', caller);
    });
  }
}
