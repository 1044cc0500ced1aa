import { NotFoundException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { conflictOnDuplicate } from '#libs/database';
import { domainEvent, transactionWithEvents } from '#libs/events';
import { InvalidRequestException } from '#libs/http';
import { PartnershipDirectory, User } from '#libs/identity';
import { changingAccess } from '../../domain/changing-access.js';
import type { PartnershipResponse } from '../../http/partnership.dto.js';
import { lockPartnership } from '../../persistence/lock-partnership.js';
import { detailOf } from '../../persistence/partnership-details.js';
import { PartnershipLead } from '../../persistence/partnership-lead.entity.js';
import { AppointLeadCommand } from './appoint-lead.command.js';

@CommandHandler(AppointLeadCommand)
export class AppointLeadHandler implements ICommandHandler<AppointLeadCommand> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: PartnershipDirectory,
  ) {}

  async execute({ partnershipId, userId, actorId }: AppointLeadCommand): Promise<PartnershipResponse> {
    return changingAccess(this.directory, async () => {
      return conflictOnDuplicate('partnership_leads_pkey', 'That person already leads this partnership.', () =>
        transactionWithEvents(this.dataSource, async (transaction) => {
          const partnership = await lockPartnership(transaction, partnershipId);
          const user = await transaction.findOneBy(User, { id: userId });
          if (!user) throw new NotFoundException(`No user has id ${userId}.`);
          if (user.role !== 'partnership_lead') {
            throw new InvalidRequestException([{ field: 'userId', messages: [`the user's role is ${user.role}, not partnership_lead`] }]);
          }
          await transaction.insert(PartnershipLead, { partnershipId, userId });
          const appointed = domainEvent('partnership.lead_appointed', { aggregateId: partnershipId, partnershipId, actorId, payload: { partnershipId, userId } });
          return { result: await detailOf(transaction, partnership), events: [appointed] };
        }),
      );
    });
  }
}
