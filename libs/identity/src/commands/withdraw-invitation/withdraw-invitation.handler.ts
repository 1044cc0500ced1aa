import { ConflictException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isForeignKeyViolation } from '#libs/database';
import { domainEvent, transactionWithEvents } from '#libs/events';
import { invitationInScope } from '../../persistence/invitation-scope.js';
import { User } from '../../persistence/user.entity.js';
import { WithdrawInvitationCommand } from './withdraw-invitation.command.js';

/**
 * Takes an invitation back before it is accepted. The invited person goes with it (they never
 * signed in, so nothing of theirs is lost), which lets the email be invited again, say after a typo.
 */
@CommandHandler(WithdrawInvitationCommand)
export class WithdrawInvitationHandler implements ICommandHandler<WithdrawInvitationCommand> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ invitationId, caller }: WithdrawInvitationCommand): Promise<void> {
    try {
      await transactionWithEvents(this.dataSource, async (transaction) => {
        const { user, partnershipId } = await invitationInScope(transaction, invitationId, caller);
        await transaction.delete(User, { id: user.id });
        const withdrawn = domainEvent('user.invitation_withdrawn', {
          aggregateId: user.id,
          actorId: caller.id,
          partnershipId,
          payload: { userId: user.id, invitationId, email: user.email },
        });
        return { result: undefined, events: [withdrawn] };
      });
    } catch (error) {
      // Records that name them (a match proposed to them, say) keep them: they stay invited.
      if (isForeignKeyViolation(error)) throw new ConflictException('This person is named in records of the partnership, so their invitation cannot be withdrawn.');
      throw error;
    }
  }
}
