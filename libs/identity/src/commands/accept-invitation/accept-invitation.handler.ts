import { BadRequestException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import { domainEvent, transactionWithEvents } from '#libs/events';
import { hashPassword, hashToken } from '../../domain/passwords.js';
import type { TokenResponse } from '../../http/identity.dto.js';
import { Invitation } from '../../persistence/invitation.entity.js';
import { User } from '../../persistence/user.entity.js';
import { SignInTokens } from '../sign-in/sign-in-tokens.js';
import { AcceptInvitationCommand } from './accept-invitation.command.js';

/** The invited person chooses their password and is signed in with it. */
@CommandHandler(AcceptInvitationCommand)
export class AcceptInvitationHandler implements ICommandHandler<AcceptInvitationCommand> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: SignInTokens,
  ) {}

  async execute({ token, password }: AcceptInvitationCommand): Promise<TokenResponse> {
    const passwordHash = await hashPassword(password);
    const userId = await transactionWithEvents(this.dataSource, async (transaction) => {
      const invitation = await transaction.findOne(Invitation, {
        where: { tokenHash: hashToken(token), acceptedAt: IsNull(), expiresAt: MoreThan(new Date()) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!invitation) throw new BadRequestException('This invitation is not valid: it may have expired or been used already.');
      await transaction.update(Invitation, { id: invitation.id }, { acceptedAt: new Date() });
      await transaction.update(User, { id: invitation.userId }, { passwordHash });
      const activated = domainEvent('user.activated', { aggregateId: invitation.userId, actorId: invitation.userId, payload: { userId: invitation.userId } });
      return { result: invitation.userId, events: [activated] };
    });
    // Once the password has committed: the sign-in's refresh token is written in a transaction of its own.
    return this.tokens.forNewSignIn(await this.dataSource.manager.findOneByOrFail(User, { id: userId }));
  }
}
