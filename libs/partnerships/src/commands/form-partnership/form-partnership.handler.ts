import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { conflictOnDuplicate } from '#libs/database';
import { domainEvent, transactionWithEvents } from '#libs/events';
import { PartnershipDirectory } from '#libs/identity';
import { changingAccess } from '../../domain/changing-access.js';
import { memberAdded } from '../../domain/partnership.events.js';
import type { PartnershipResponse } from '../../http/partnership.dto.js';
import { organisationNotFound } from '../../persistence/organisation-not-found.js';
import { detailOf } from '../../persistence/partnership-details.js';
import { memberColumnsOf, PartnershipMember } from '../../persistence/partnership-member.entity.js';
import { Partnership } from '../../persistence/partnership.entity.js';
import { FormPartnershipCommand } from './form-partnership.command.js';

@CommandHandler(FormPartnershipCommand)
export class FormPartnershipHandler implements ICommandHandler<FormPartnershipCommand> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: PartnershipDirectory,
  ) {}

  async execute({ request, actorId }: FormPartnershipCommand): Promise<PartnershipResponse> {
    return changingAccess(this.directory, async () => {
      const joining = [
        ...(request.universityIds ?? []).map((id) => ({ type: 'university' as const, id })),
        ...(request.councilIds ?? []).map((id) => ({ type: 'council' as const, id })),
      ];
      try {
        return await conflictOnDuplicate('partnerships_name_key', `A partnership named "${request.name}" already exists.`, () =>
          transactionWithEvents(this.dataSource, async (transaction) => {
            const partnership = await transaction.save(
              transaction.create(Partnership, { name: request.name, description: request.description ?? null }),
            );
            if (joining.length > 0) {
              await transaction.insert(
                PartnershipMember,
                joining.map(({ type, id }) => ({ partnershipId: partnership.id, ...memberColumnsOf(type, id) })),
              );
            }
            const formed = domainEvent('partnership.formed', {
              aggregateId: partnership.id,
              partnershipId: partnership.id,
              actorId,
              payload: { partnershipId: partnership.id, name: partnership.name },
            });
            return {
              result: await detailOf(transaction, partnership),
              events: [formed, ...joining.map(({ type, id }) => memberAdded(partnership.id, type, id, actorId))],
            };
          }),
        );
      } catch (error) {
        throw organisationNotFound(error) ?? error;
      }
    });
  }
}
