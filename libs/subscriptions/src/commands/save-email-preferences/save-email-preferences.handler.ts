import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EmailPreferences } from '../../http/subscription.dto.js';
import { emailPreferencesOf, setEmailPreferences } from '../../persistence/email-preferences.sql.js';
import { SaveEmailPreferencesCommand } from './save-email-preferences.command.js';

@CommandHandler(SaveEmailPreferencesCommand)
export class SaveEmailPreferencesHandler implements ICommandHandler<SaveEmailPreferencesCommand> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ preferences, caller }: SaveEmailPreferencesCommand): Promise<EmailPreferences> {
    await this.dataSource.transaction((transaction) => setEmailPreferences(transaction, caller.id, preferences as unknown as Record<string, boolean>));
    return emailPreferencesOf(this.dataSource.manager, caller.id);
  }
}
