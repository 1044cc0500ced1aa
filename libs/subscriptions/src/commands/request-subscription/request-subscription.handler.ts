import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isForeignKeyViolation } from '#libs/database';
import { domainEvent, transactionWithEvents } from '#libs/events';
import { insertSubscription } from '../../persistence/subscriptions.sql.js';
import { RequestSubscriptionCommand } from './request-subscription.command.js';

/**
 * A pending subscription; its confirmation email goes out through `subscription.requested`. One
 * for a partnership that does not exist is dropped without a word: answering otherwise would tell
 * anyone which ids exist.
 */
@CommandHandler(RequestSubscriptionCommand)
export class RequestSubscriptionHandler implements ICommandHandler<RequestSubscriptionCommand> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ request }: RequestSubscriptionCommand): Promise<void> {
    try {
      await transactionWithEvents(this.dataSource, async (transaction) => {
        const row = await insertSubscription(transaction, request, { email: request.email, userId: null, status: 'pending' });
        const requested = domainEvent('subscription.requested', { aggregateId: row.id, payload: { subscriptionId: row.id, email: request.email, frequency: request.frequency } });
        return { result: undefined, events: [requested] };
      });
    } catch (error) {
      if (!isForeignKeyViolation(error)) throw error;
    }
  }
}
