import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { conflictOnDuplicate, insertRow } from '#libs/database';
import { transactionWithEvents } from '#libs/events';
import { RegisterOrganisationCommand } from './register-organisation.command.js';

@CommandHandler(RegisterOrganisationCommand)
export class RegisterOrganisationHandler implements ICommandHandler<RegisterOrganisationCommand<{ name: string }, unknown>> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute<Shown>({ type, request, actorId }: RegisterOrganisationCommand<{ name: string }, Shown>): Promise<Shown> {
    const organisation = await conflictOnDuplicate(type.uniqueName, `A ${type.noun} named "${request.name}" is already registered.`, () =>
      transactionWithEvents(this.dataSource, async (transaction) => {
        const organisation = await insertRow(transaction, type.entity, type.columnsOf(request));
        return { result: organisation, events: [type.registered(organisation, actorId)] };
      }),
    );
    return type.show(organisation);
  }
}
