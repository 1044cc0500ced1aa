import { NotFoundException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isForeignKeyViolation } from '#libs/database';
import { domainEvent, transactionWithEvents } from '#libs/events';
import { canSeePartnership } from '#libs/identity';
import type { SubscriptionResponse } from '../../http/subscription.dto.js';
import { insertSubscription } from '../../persistence/subscriptions.sql.js';
import { SubscribeMeCommand } from './subscribe-me.command.js';

/** A signed-in person's subscription needs no confirmation: their address is known to be theirs. */
@CommandHandler(SubscribeMeCommand)
export class SubscribeMeHandler implements ICommandHandler<SubscribeMeCommand> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ filters, caller }: SubscribeMeCommand): Promise<SubscriptionResponse> {
    const notFound = new NotFoundException(`No partnership has id ${filters.partnershipId}.`);
    if (filters.partnershipId && !canSeePartnership(caller, filters.partnershipId)) throw notFound;
    const [user] = await this.dataSource.query<{ email: string }[]>(`SELECT email FROM users WHERE id = $1`, [caller.id]);
    // The caller's token was issued to a user that exists; one removed since has no email to send to.
    if (!user) throw new Error(`No user has id ${caller.id}`);
    try {
      return await transactionWithEvents(this.dataSource, async (transaction) => {
        const row = await insertSubscription(transaction, filters, { email: user.email, userId: caller.id, status: 'confirmed' });
        const confirmed = domainEvent('subscription.confirmed', { aggregateId: row.id, actorId: caller.id, payload: { subscriptionId: row.id } });
        return { result: row, events: [confirmed] };
      });
    } catch (error) {
      if (isForeignKeyViolation(error)) throw notFound;
      throw error;
    }
  }
}
