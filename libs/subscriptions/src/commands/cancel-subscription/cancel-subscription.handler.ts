import { NotFoundException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { domainEvent, transactionWithEvents } from '#libs/events';
import { changeSubscriptionStatus } from '../../persistence/subscriptions.sql.js';
import { CancelSubscriptionCommand } from './cancel-subscription.command.js';

/** A signed-in person cancels one of their own subscriptions. */
@CommandHandler(CancelSubscriptionCommand)
export class CancelSubscriptionHandler implements ICommandHandler<CancelSubscriptionCommand> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ subscriptionId: id, caller }: CancelSubscriptionCommand): Promise<void> {
    const [row] = await this.dataSource.query<unknown[]>(`SELECT 1 FROM subscriptions WHERE id = $1 AND user_id = $2`, [id, caller.id]);
    if (!row) throw new NotFoundException(`You have no subscription ${id}.`);
    await transactionWithEvents(this.dataSource, async (transaction) => {
      const changed = await changeSubscriptionStatus(transaction, id, 'cancelled', ['pending', 'confirmed']);
      return { result: undefined, events: changed ? [domainEvent('subscription.cancelled', { aggregateId: id, actorId: caller.id, payload: { subscriptionId: id } })] : [] };
    });
  }
}
