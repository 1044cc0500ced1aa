import { ConflictException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isUniqueViolation } from '#libs/database';
import { appendToOutbox, domainEvent } from '#libs/events';
import { RegisterUniversityCommand } from './register-university.command.js';
import { University } from './university.entity.js';
import type { UniversityResponse } from './university.dto.js';
import { toUniversityResponse } from './university.mapper.js';

@CommandHandler(RegisterUniversityCommand)
export class RegisterUniversityHandler implements ICommandHandler<RegisterUniversityCommand> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ request, actorId }: RegisterUniversityCommand): Promise<UniversityResponse> {
    try {
      const university = await this.dataSource.transaction(async (transaction) => {
        const saved = await transaction.save(
          transaction.create(University, {
            name: request.name,
            shortName: request.shortName ?? null,
            website: request.website ?? null,
          }),
        );
        const registered = domainEvent('university.registered', {
          aggregateId: saved.id,
          actorId,
          payload: { universityId: saved.id, name: saved.name, shortName: saved.shortName },
        });
        await appendToOutbox(transaction, [registered]);
        return saved;
      });
      return toUniversityResponse(university);
    } catch (error) {
      if (isUniqueViolation(error, 'universities_name_key')) {
        throw new ConflictException(`A university named "${request.name}" is already registered.`);
      }
      throw error;
    }
  }
}
