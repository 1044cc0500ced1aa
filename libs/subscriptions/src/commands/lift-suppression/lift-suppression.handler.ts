import { NotFoundException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { domainEvent, transactionWithEvents } from '#libs/events';
import { LiftSuppressionCommand } from './lift-suppression.command.js';

/** Forgets that an address bounced for good; the event keeps who lifted it and when, in the audit trail. */
@CommandHandler(LiftSuppressionCommand)
export class LiftSuppressionHandler implements ICommandHandler<LiftSuppressionCommand> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ email, caller }: LiftSuppressionCommand): Promise<void> {
    const address = email.toLowerCase();
    const lifted = await transactionWithEvents(this.dataSource, async (transaction) => {
      const [rows]: [{ reason: string }[], number] = await transaction.query(`DELETE FROM email_suppressions WHERE email = $1 RETURNING reason`, [address]);
      const [row] = rows;
      if (!row) return { result: false, events: [] };
      return { result: true, events: [domainEvent('email.suppression_lifted', { aggregateId: address, actorId: caller.id, payload: { email: address, reason: row.reason } })] };
    });
    if (!lifted) throw new NotFoundException(`No email to ${address} is suppressed.`);
  }
}
