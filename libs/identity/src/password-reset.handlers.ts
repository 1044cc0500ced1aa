import { randomUUID } from 'node:crypto';
import { BadRequestException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type FindOneOptions, IsNull, MoreThan } from 'typeorm';
import { domainEvent, transactionWithEvents } from '#libs/events';
import { passwordResetToken } from '#libs/mail-contract';
import { hashPassword, hashToken } from './domain/passwords.js';
import { IdentityConfig } from './identity.config.js';
import { CompletePasswordResetCommand, RequestPasswordResetCommand } from './password-reset.commands.js';
import { PasswordReset } from './persistence/password-reset.entity.js';
import { User } from './persistence/user.entity.js';

export const RESET_LINK_EXPIRED = 'This link to reset your password has expired or has been used already. Ask for a new one.';

/** The reset a token opens, if it is neither used, superseded (deleted) nor expired. */
export function openReset(manager: EntityManager, token: string, lock?: FindOneOptions['lock']): Promise<PasswordReset | null> {
  return manager.findOne(PasswordReset, { where: { tokenHash: hashToken(token), usedAt: IsNull(), expiresAt: MoreThan(new Date()) }, ...(lock && { lock }) });
}

@CommandHandler(RequestPasswordResetCommand)
export class RequestPasswordResetHandler implements ICommandHandler<RequestPasswordResetCommand> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: IdentityConfig,
  ) {}

  async execute({ email }: RequestPasswordResetCommand): Promise<void> {
    await transactionWithEvents(this.dataSource, async (transaction) => {
      // Locked, so two requests at once cannot both leave a live link.
      const [user] = (await transaction.query(
        `SELECT id, email, display_name AS "displayName" FROM users WHERE lower(email) = lower($1) AND password_hash IS NOT NULL FOR UPDATE`,
        [email],
      )) as Pick<User, 'id' | 'email' | 'displayName'>[];
      // No account, or one still to be set up from its invitation: nothing to reset, and nothing said.
      if (!user) return { result: undefined, events: [] };

      // A new link supersedes every earlier one.
      await transaction.delete(PasswordReset, { userId: user.id });
      const resetId = randomUUID();
      const expiresAt = new Date(Date.now() + this.config.PASSWORD_RESET_TTL_MINUTES * 60_000);
      const tokenHash = hashToken(passwordResetToken(this.config.LINK_SECRET, resetId));
      await transaction.insert(PasswordReset, { id: resetId, userId: user.id, tokenHash, expiresAt });
      const requested = domainEvent('user.password_reset_requested', {
        aggregateId: user.id,
        actorId: null,
        payload: { userId: user.id, resetId, email: user.email, displayName: user.displayName, expiresAt: expiresAt.toISOString() },
      });
      return { result: undefined, events: [requested] };
    });
  }
}

@CommandHandler(CompletePasswordResetCommand)
export class CompletePasswordResetHandler implements ICommandHandler<CompletePasswordResetCommand> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ token, password }: CompletePasswordResetCommand): Promise<void> {
    const passwordHash = await hashPassword(password);
    await transactionWithEvents(this.dataSource, async (transaction) => {
      const reset = await openReset(transaction, token, { mode: 'pessimistic_write' });
      if (!reset) throw new BadRequestException(RESET_LINK_EXPIRED);
      await transaction.update(PasswordReset, { id: reset.id }, { usedAt: new Date() });
      // A trigger (migration 1765210000000) revokes every refresh token of theirs with this change:
      // whoever knew the old password is signed out everywhere.
      await transaction.update(User, { id: reset.userId }, { passwordHash });
      const changed = domainEvent('user.password_changed', { aggregateId: reset.userId, actorId: reset.userId, payload: { userId: reset.userId } });
      return { result: undefined, events: [changed] };
    });
  }
}
