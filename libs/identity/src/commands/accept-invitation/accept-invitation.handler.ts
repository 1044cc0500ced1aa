import { BadRequestException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import { domainEvent, transactionWithEvents } from '#libs/events';
import { hashPassword, hashToken } from '../../domain/passwords.js';
import { Invitation } from '../../persistence/invitation.entity.js';
import { User } from '../../persistence/user.entity.js';
import { AcceptInvitationCommand } from './accept-invitation.command.js';

@CommandHandler(AcceptInvitationCommand)
export class AcceptInvitationHandler implements ICommandHandler<AcceptInvitationCommand> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ token, password }: AcceptInvitationCommand): Promise<{ userId: string }> {
    const passwordHash = await hashPassword(password);
    return transactionWithEvents(this.dataSource, async (transaction) => {
      const invitation = await transaction.findOne(Invitation, {
        where: { tokenHash: hashToken(token), acceptedAt: IsNull(), expiresAt: MoreThan(new Date()) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!invitation) throw new BadRequestException('This invitation is not valid: it may have expired or been used already.');
      await transaction.update(Invitation, { id: invitation.id }, { acceptedAt: new Date() });
      await transaction.update(User, { id: invitation.userId }, { passwordHash });
      const activated = domainEvent('user.activated', { aggregateId: invitation.userId, actorId: invitation.userId, payload: { userId: invitation.userId } });
      return { result: { userId: invitation.userId }, events: [activated] };
    });
  }
}
