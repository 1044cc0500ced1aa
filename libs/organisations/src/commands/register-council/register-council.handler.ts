import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { conflictOnDuplicate } from '#libs/database';
import { domainEvent, transactionWithEvents } from '#libs/events';
import { Council } from '../../persistence/council.entity.js';
import type { CouncilResponse } from '../../http/council.dto.js';
import { toCouncilResponse } from '../../http/council.mapper.js';
import { RegisterCouncilCommand } from './register-council.command.js';

@CommandHandler(RegisterCouncilCommand)
export class RegisterCouncilHandler implements ICommandHandler<RegisterCouncilCommand> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ request, actorId }: RegisterCouncilCommand): Promise<CouncilResponse> {
    const council = await conflictOnDuplicate('councils_name_key', `A council named "${request.name}" is already registered.`, () =>
      transactionWithEvents(this.dataSource, async (transaction) => {
        const saved = await transaction.save(transaction.create(Council, { name: request.name, kind: request.kind, region: request.region }));
        const registered = domainEvent('council.registered', {
          aggregateId: saved.id,
          actorId,
          payload: { councilId: saved.id, name: saved.name, kind: saved.kind, region: saved.region },
        });
        return { result: saved, events: [registered] };
      }),
    );
    return toCouncilResponse(council);
  }
}
