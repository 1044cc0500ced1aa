import { BadRequestException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { domainEvent, transactionWithEvents } from '#libs/events';
import { hashPassword } from '../../domain/passwords.js';
import { openReset, RESET_LINK_EXPIRED } from '../../persistence/open-password-reset.js';
import { PasswordReset } from '../../persistence/password-reset.entity.js';
import { User } from '../../persistence/user.entity.js';
import { CompletePasswordResetCommand } from './complete-password-reset.command.js';

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
