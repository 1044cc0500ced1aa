import { ConflictException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { transactionWithEvents } from '#libs/events';
import type { OpportunityResponse } from '../../http/opportunity.dto.js';
import { forChange, saveStatusChange } from '../../persistence/opportunity-for-change.js';
import { PublishOpportunityCommand } from './publish-opportunity.command.js';

@CommandHandler(PublishOpportunityCommand)
export class PublishOpportunityHandler implements ICommandHandler<PublishOpportunityCommand> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ id, caller }: PublishOpportunityCommand): Promise<OpportunityResponse> {
    return transactionWithEvents(this.dataSource, async (transaction) => {
      const { opportunity, next } = await forChange(transaction, caller, id, 'publish');
      if (opportunity.closesAt.getTime() <= Date.now()) throw new ConflictException('Its closing date has passed: change it before publishing.');
      return saveStatusChange(transaction, opportunity, { status: next }, 'published', caller);
    });
  }
}
