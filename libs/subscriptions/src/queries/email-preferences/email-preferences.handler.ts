import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EmailPreferences } from '../../http/subscription.dto.js';
import { emailPreferencesOf } from '../../persistence/email-preferences.sql.js';
import { EmailPreferencesQuery } from './email-preferences.query.js';

@QueryHandler(EmailPreferencesQuery)
export class EmailPreferencesHandler implements IQueryHandler<EmailPreferencesQuery> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  execute({ caller }: EmailPreferencesQuery): Promise<EmailPreferences> {
    return emailPreferencesOf(this.dataSource.manager, caller.id);
  }
}
