import { BadRequestException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { domainEvent, transactionWithEvents } from '#libs/events';
import { IdentityConfig } from '#libs/identity';
import { INVALID_UNSUBSCRIBE_LINK, unsubscribeClaims } from '../../domain/email-links.js';
import { setEmailPreferences } from '../../persistence/email-preferences.sql.js';
import { changeSubscriptionStatus } from '../../persistence/subscriptions.sql.js';
import { UnsubscribeCommand } from './unsubscribe.command.js';

/** Cancels a subscription, or turns off one kind of email for a person. Repeating it is harmless. */
@CommandHandler(UnsubscribeCommand)
export class UnsubscribeHandler implements ICommandHandler<UnsubscribeCommand> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: IdentityConfig,
  ) {}

  async execute({ token }: UnsubscribeCommand): Promise<void> {
    const claims = unsubscribeClaims(this.config.LINK_SECRET, token);
    if (!claims) throw new BadRequestException(INVALID_UNSUBSCRIBE_LINK);
    if ('subscriptionId' in claims) {
      const id = claims.subscriptionId;
      await transactionWithEvents(this.dataSource, async (transaction) => {
        const changed = await changeSubscriptionStatus(transaction, id, 'cancelled', ['pending', 'confirmed']);
        return { result: undefined, events: changed ? [domainEvent('subscription.cancelled', { aggregateId: id, actorId: null, payload: { subscriptionId: id } })] : [] };
      });
      return;
    }
    await setEmailPreferences(this.dataSource.manager, claims.userId, { [claims.kind]: false });
  }
}
