import { BadRequestException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { domainEvent, transactionWithEvents } from '#libs/events';
import { IdentityConfig } from '#libs/identity';
import { confirmationClaims, INVALID_CONFIRMATION_LINK } from '../../domain/email-links.js';
import { changeSubscriptionStatus } from '../../persistence/subscriptions.sql.js';
import { ConfirmSubscriptionCommand } from './confirm-subscription.command.js';

@CommandHandler(ConfirmSubscriptionCommand)
export class ConfirmSubscriptionHandler implements ICommandHandler<ConfirmSubscriptionCommand> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: IdentityConfig,
  ) {}

  async execute({ token }: ConfirmSubscriptionCommand): Promise<void> {
    const claims = confirmationClaims(this.config.LINK_SECRET, token);
    if (!claims) throw new BadRequestException(INVALID_CONFIRMATION_LINK);
    const id = claims.subscriptionId;
    await transactionWithEvents(this.dataSource, async (transaction) => {
      const changed = await changeSubscriptionStatus(transaction, id, 'confirmed', ['pending']);
      return { result: undefined, events: changed ? [domainEvent('subscription.confirmed', { aggregateId: id, actorId: null, payload: { subscriptionId: id } })] : [] };
    });
  }
}
