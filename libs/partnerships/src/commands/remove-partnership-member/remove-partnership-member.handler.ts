import { NotFoundException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { transactionWithEvents } from '#libs/events';
import { PartnershipDirectory } from '#libs/identity';
import { changingAccess } from '../../domain/changing-access.js';
import { memberRemoved } from '../../domain/partnership.events.js';
import { lockPartnership } from '../../persistence/lock-partnership.js';
import { PartnershipMember } from '../../persistence/partnership-member.entity.js';
import { RemovePartnershipMemberCommand } from './remove-partnership-member.command.js';

@CommandHandler(RemovePartnershipMemberCommand)
export class RemovePartnershipMemberHandler implements ICommandHandler<RemovePartnershipMemberCommand> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: PartnershipDirectory,
  ) {}

  async execute({ partnershipId, organisationId, actorId }: RemovePartnershipMemberCommand): Promise<void> {
    return changingAccess(this.directory, async () => {
      await transactionWithEvents(this.dataSource, async (transaction) => {
        await lockPartnership(transaction, partnershipId);
        const member = await transaction.findOne(PartnershipMember, {
          where: [
            { partnershipId, universityId: organisationId },
            { partnershipId, councilId: organisationId },
          ],
        });
        if (!member) throw new NotFoundException(`Organisation ${organisationId} is not a member of this partnership.`);
        await transaction.delete(PartnershipMember, { id: member.id });
        const type = member.universityId ? 'university' : 'council';
        return { result: undefined, events: [memberRemoved(partnershipId, type, organisationId, actorId)] };
      });
    });
  }
}
