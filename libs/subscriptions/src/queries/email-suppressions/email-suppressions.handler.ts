import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { londonDateTime } from '#libs/http';
import type { SuppressionResponse } from '../../http/subscription.dto.js';
import { EmailSuppressionsQuery } from './email-suppressions.query.js';

@QueryHandler(EmailSuppressionsQuery)
export class EmailSuppressionsHandler implements IQueryHandler<EmailSuppressionsQuery> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute(): Promise<SuppressionResponse[]> {
    const rows: { email: string; reason: string; smtpResponse: string | null; suppressedAt: Date }[] = await this.dataSource.query(
      `SELECT email, reason, smtp_response AS "smtpResponse", suppressed_at AS "suppressedAt" FROM email_suppressions ORDER BY suppressed_at DESC, email LIMIT 1000`,
    );
    return rows.map((row) => ({ ...row, suppressedAt: londonDateTime(row.suppressedAt) }));
  }
}
