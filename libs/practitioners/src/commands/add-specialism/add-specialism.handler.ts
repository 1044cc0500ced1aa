import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { conflictOnDuplicate } from '#libs/database';
import { domainEvent, transactionWithEvents } from '#libs/events';
import { canSeePartnership, isAdmin } from '#libs/identity';
import type { SpecialismResponse } from '../../http/profile.dto.js';
import { Specialism } from '../../persistence/specialism.entity.js';
import { AddSpecialismCommand } from './add-specialism.command.js';

/** A partnership extends the shared vocabulary with a specialism of its own; its leads (and admins) decide. */
@CommandHandler(AddSpecialismCommand)
export class AddSpecialismHandler implements ICommandHandler<AddSpecialismCommand> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ partnershipId, request, caller }: AddSpecialismCommand): Promise<SpecialismResponse> {
    if (!canSeePartnership(caller, partnershipId)) throw new NotFoundException(`No partnership has id ${partnershipId}.`);
    if (!isAdmin(caller) && caller.role !== 'partnership_lead') throw new ForbiddenException("Only the partnership's leads extend its specialisms.");
    return conflictOnDuplicate('specialisms_pkey', `A specialism with the code ${request.code} exists already.`, () =>
      transactionWithEvents(this.dataSource, async (transaction) => {
        const exists = await transaction.query<unknown[]>('SELECT 1 FROM partnerships WHERE id = $1', [partnershipId]);
        if (exists.length === 0) throw new NotFoundException(`No partnership has id ${partnershipId}.`);
        // insert, not save: save would quietly overwrite a specialism that has the same code.
        const specialism = { code: request.code, label: request.label, partnershipId };
        await transaction.insert(Specialism, specialism);
        const added = domainEvent('specialism.added', {
          aggregateId: specialism.code,
          partnershipId,
          actorId: caller.id,
          payload: { code: specialism.code, label: specialism.label, partnershipId },
        });
        return { result: { code: specialism.code, label: specialism.label, partnershipId }, events: [added] };
      }),
    );
  }
}
