import { ConflictException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isUniqueViolation } from '#libs/database';
import { appendToOutbox, domainEvent } from '#libs/events';
import { Council } from './council.entity.js';
import type { CouncilResponse } from './council.dto.js';
import { toCouncilResponse } from './council.mapper.js';
import { RegisterCouncilCommand } from './register-council.command.js';

@CommandHandler(RegisterCouncilCommand)
export class RegisterCouncilHandler implements ICommandHandler<RegisterCouncilCommand> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ request, actorId }: RegisterCouncilCommand): Promise<CouncilResponse> {
    try {
      const council = await this.dataSource.transaction(async (transaction) => {
        const saved = await transaction.save(
          transaction.create(Council, { name: request.name, kind: request.kind, region: request.region }),
        );
        const registered = domainEvent('council.registered', {
          aggregateId: saved.id,
          actorId,
          payload: { councilId: saved.id, name: saved.name, kind: saved.kind, region: saved.region },
        });
        await appendToOutbox(transaction, [registered]);
        return saved;
      });
      return toCouncilResponse(council);
    } catch (error) {
      if (isUniqueViolation(error, 'councils_name_key')) {
        throw new ConflictException(`A council named "${request.name}" is already registered.`);
      }
      throw error;
    }
  }
}
