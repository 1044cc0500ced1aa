import { NotFoundException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { domainEvent, transactionWithEvents } from '#libs/events';
import { PartnershipDirectory } from '#libs/identity';
import { changingAccess } from '../../domain/changing-access.js';
import { lockPartnership } from '../../persistence/lock-partnership.js';
import { PartnershipLead } from '../../persistence/partnership-lead.entity.js';
import { RemoveLeadCommand } from './remove-lead.command.js';

@CommandHandler(RemoveLeadCommand)
export class RemoveLeadHandler implements ICommandHandler<RemoveLeadCommand> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: PartnershipDirectory,
  ) {}

  async execute({ partnershipId, userId, actorId }: RemoveLeadCommand): Promise<void> {
    return changingAccess(this.directory, async () => {
      await transactionWithEvents(this.dataSource, async (transaction) => {
        await lockPartnership(transaction, partnershipId);
        const { affected } = await transaction.delete(PartnershipLead, { partnershipId, userId });
        if (!affected) throw new NotFoundException(`User ${userId} does not lead this partnership.`);
        const removed = domainEvent('partnership.lead_removed', { aggregateId: partnershipId, partnershipId, actorId, payload: { partnershipId, userId } });
        return { result: undefined, events: [removed] };
      });
    });
  }
}
