import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { transactionWithEvents } from '#libs/events';
import type { InvitationResponse } from '../../http/identity.dto.js';
import { IdentityConfig } from '../../identity.config.js';
import { invitationInScope } from '../../persistence/invitation-scope.js';
import { Invitation } from '../../persistence/invitation.entity.js';
import { issueInvitation } from '../../persistence/issue-invitation.js';
import { ResendInvitationCommand } from './resend-invitation.command.js';

/**
 * A new invitation in place of the open one, with a new token and a new expiry: the old one is
 * removed, so its link stops working (and an email of it not yet sent is never sent).
 */
@CommandHandler(ResendInvitationCommand)
export class ResendInvitationHandler implements ICommandHandler<ResendInvitationCommand> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: IdentityConfig,
  ) {}

  execute({ invitationId, caller }: ResendInvitationCommand): Promise<InvitationResponse> {
    return transactionWithEvents(this.dataSource, async (transaction) => {
      const { user, partnershipId } = await invitationInScope(transaction, invitationId, caller);
      await transaction.delete(Invitation, { userId: user.id, acceptedAt: IsNull() });
      return issueInvitation(transaction, this.config, user, { actorId: caller.id, partnershipId });
    });
  }
}
