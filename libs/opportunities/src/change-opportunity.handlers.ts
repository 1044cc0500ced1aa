import { ConflictException, ForbiddenException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { transactionWithEvents } from '#libs/events';
import type { Caller } from '#libs/identity';
import { type OpportunityAction, statusAfter, WrongStateError } from './opportunity.js';
import { canChange } from './opportunity-access.js';
import { assertValidDetails, columnsOf, replaceSessions } from './opportunity-details.js';
import { ChangeOpportunityStatusCommand, UpdateOpportunityCommand } from './opportunity.commands.js';
import type { OpportunityResponse } from './opportunity.dto.js';
import type { Opportunity } from './opportunity.entity.js';
import { opportunityEvent } from './opportunity.events.js';
import { toOpportunityResponse, visibleOpportunity } from './opportunity.read.js';

/** The opportunity locked for a change the caller may make from its current status: else 404, 403 or 409. */
async function forChange(transaction: EntityManager, caller: Caller, id: string, action: OpportunityAction) {
  const opportunity = await visibleOpportunity(transaction, caller, id, 'pessimistic_write');
  if (!canChange(caller, opportunity)) throw new ForbiddenException('Only the host university\'s academics and the partnership\'s leads may change it.');
  try {
    return { opportunity, next: statusAfter(action, opportunity.status) };
  } catch (error) {
    if (error instanceof WrongStateError) throw new ConflictException(error.message);
    throw error;
  }
}

@CommandHandler(UpdateOpportunityCommand)
export class UpdateOpportunityHandler implements ICommandHandler<UpdateOpportunityCommand> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ id, request, caller }: UpdateOpportunityCommand): Promise<OpportunityResponse> {
    return transactionWithEvents(this.dataSource, async (transaction) => {
      const { opportunity } = await forChange(transaction, caller, id, 'update');
      await assertValidDetails(transaction, caller, opportunity.type, request);
      // Read straight from the matches table: that context builds on this one, not the other way round.
      const [{ approved }] = await transaction.query(`SELECT count(*)::int AS approved FROM matches WHERE opportunity_id = $1 AND status = 'approved'`, [id]);
      if (request.capacity < approved) throw new ConflictException(`${approved} places are taken already: capacity cannot drop below that.`);
      Object.assign(opportunity, columnsOf(request));
      const saved = await transaction.save(opportunity);
      await replaceSessions(transaction, id, request);
      return { result: await toOpportunityResponse(transaction, saved, caller), events: [opportunityEvent('updated', saved, caller.id)] };
    });
  }
}

const EVENT_OF = { publish: 'published', close: 'closed', cancel: 'cancelled', complete: 'completed' } as const;

@CommandHandler(ChangeOpportunityStatusCommand)
export class ChangeOpportunityStatusHandler implements ICommandHandler<ChangeOpportunityStatusCommand> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ id, action, caller, reason }: ChangeOpportunityStatusCommand): Promise<OpportunityResponse> {
    return transactionWithEvents(this.dataSource, async (transaction) => {
      const { opportunity, next } = await forChange(transaction, caller, id, action);
      if (action === 'publish' && opportunity.closesAt.getTime() <= Date.now()) {
        throw new ConflictException('Its closing date has passed: change it before publishing.');
      }
      const changes: Partial<Opportunity> = { status: next, ...(action === 'cancel' ? { cancellationReason: reason ?? null } : {}) };
      const saved = await transaction.save(Object.assign(opportunity, changes));
      return { result: await toOpportunityResponse(transaction, saved, caller), events: [opportunityEvent(EVENT_OF[action], saved, caller.id)] };
    });
  }
}
