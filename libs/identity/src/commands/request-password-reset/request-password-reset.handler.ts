import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { domainEvent, transactionWithEvents } from '#libs/events';
import { passwordResetToken } from '#libs/mail-contract';
import { hashToken } from '../../domain/passwords.js';
import { IdentityConfig } from '../../identity.config.js';
import { PasswordReset } from '../../persistence/password-reset.entity.js';
import type { User } from '../../persistence/user.entity.js';
import { RequestPasswordResetCommand } from './request-password-reset.command.js';

@CommandHandler(RequestPasswordResetCommand)
export class RequestPasswordResetHandler implements ICommandHandler<RequestPasswordResetCommand> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: IdentityConfig,
  ) {}

  async execute({ email }: RequestPasswordResetCommand): Promise<void> {
    await transactionWithEvents(this.dataSource, async (transaction) => {
      // Locked, so two requests at once cannot both leave a live link.
      const [user] = await transaction.query<Pick<User, 'id' | 'email' | 'displayName'>[]>(
        `SELECT id, email, display_name AS "displayName" FROM users WHERE lower(email) = lower($1) AND password_hash IS NOT NULL FOR UPDATE`,
        [email],
      );
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
