import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { conflictOnDuplicate } from '#libs/database';
import { domainEvent, transactionWithEvents } from '#libs/events';
import { RegisterUniversityCommand } from './register-university.command.js';
import { University } from '../../persistence/university.entity.js';
import type { UniversityResponse } from '../../http/university.dto.js';
import { toUniversityResponse } from '../../http/university.mapper.js';

@CommandHandler(RegisterUniversityCommand)
export class RegisterUniversityHandler implements ICommandHandler<RegisterUniversityCommand> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ request, actorId }: RegisterUniversityCommand): Promise<UniversityResponse> {
    const university = await conflictOnDuplicate(
      'universities_name_key',
      `A university named "${request.name}" is already registered.`,
      () =>
        transactionWithEvents(this.dataSource, async (transaction) => {
          const saved = await transaction.save(
            transaction.create(University, { name: request.name, shortName: request.shortName ?? null, website: request.website ?? null }),
          );
          const registered = domainEvent('university.registered', {
            aggregateId: saved.id,
            actorId,
            payload: { universityId: saved.id, name: saved.name, shortName: saved.shortName },
          });
          return { result: saved, events: [registered] };
        }),
    );
    return toUniversityResponse(university);
  }
}
