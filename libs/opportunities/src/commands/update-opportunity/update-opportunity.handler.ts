import { ConflictException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { transactionWithEvents } from '#libs/events';
import { capacityProblem } from '../../domain/opportunity.js';
import { opportunityEvent } from '../../domain/opportunity.events.js';
import type { OpportunityResponse } from '../../http/opportunity.dto.js';
import { assertValidDetails, columnsOf, replaceSessions } from '../../persistence/opportunity-details.js';
import { forChange } from '../../persistence/opportunity-for-change.js';
import { toOpportunityResponse } from '../../persistence/opportunity.read.js';
import { placesTakenOf } from '../../persistence/places-taken.js';
import { UpdateOpportunityCommand } from './update-opportunity.command.js';

@CommandHandler(UpdateOpportunityCommand)
export class UpdateOpportunityHandler implements ICommandHandler<UpdateOpportunityCommand> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ id, request, caller }: UpdateOpportunityCommand): Promise<OpportunityResponse> {
    return transactionWithEvents(this.dataSource, async (transaction) => {
      const { opportunity } = await forChange(transaction, caller, id, 'update');
      await assertValidDetails(transaction, caller, opportunity.type, request);
      const problem = capacityProblem(request.capacity, await placesTakenOf(transaction, id));
      if (problem) throw new ConflictException(problem);
      Object.assign(opportunity, columnsOf(request));
      const saved = await transaction.save(opportunity);
      await replaceSessions(transaction, id, request);
      return { result: await toOpportunityResponse(transaction, saved, caller), events: [opportunityEvent('updated', saved, caller.id)] };
    });
  }
}
