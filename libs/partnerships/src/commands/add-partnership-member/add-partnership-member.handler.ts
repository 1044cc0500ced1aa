import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { conflictOnDuplicate } from '#libs/database';
import { transactionWithEvents } from '#libs/events';
import { PartnershipDirectory } from '#libs/identity';
import { changingAccess } from '../../domain/changing-access.js';
import { memberAdded } from '../../domain/partnership.events.js';
import type { PartnershipResponse } from '../../http/partnership.dto.js';
import { lockPartnership } from '../../persistence/lock-partnership.js';
import { organisationNotFound } from '../../persistence/organisation-not-found.js';
import { detailOf } from '../../persistence/partnership-details.js';
import { memberColumnsOf, PartnershipMember } from '../../persistence/partnership-member.entity.js';
import { AddPartnershipMemberCommand } from './add-partnership-member.command.js';

@CommandHandler(AddPartnershipMemberCommand)
export class AddPartnershipMemberHandler implements ICommandHandler<AddPartnershipMemberCommand> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: PartnershipDirectory,
  ) {}

  async execute({ partnershipId, organisationType, organisationId, actorId }: AddPartnershipMemberCommand): Promise<PartnershipResponse> {
    return changingAccess(this.directory, async () => {
      try {
        return await conflictOnDuplicate(
          `partnership_members_${organisationType}_key`,
          `That ${organisationType} is already a member of this partnership.`,
          () =>
            transactionWithEvents(this.dataSource, async (transaction) => {
              const partnership = await lockPartnership(transaction, partnershipId);
              await transaction.insert(PartnershipMember, { partnershipId, ...memberColumnsOf(organisationType, organisationId) });
              return {
                result: await detailOf(transaction, partnership),
                events: [memberAdded(partnershipId, organisationType, organisationId, actorId)],
              };
            }),
        );
      } catch (error) {
        throw organisationNotFound(error) ?? error;
      }
    });
  }
}
