import { ConflictException, NotFoundException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { transactionWithEvents } from '#libs/events';
import { applicationEvent } from '../../domain/application.events.js';
import type { ApplicationResponse } from '../../http/application.dto.js';
import { toApplicationResponse } from '../../http/application.mapper.js';
import { Application } from '../../persistence/application.entity.js';
import { WithdrawApplicationCommand } from './withdraw-application.command.js';

@CommandHandler(WithdrawApplicationCommand)
export class WithdrawApplicationHandler implements ICommandHandler<WithdrawApplicationCommand> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ applicationId, practitioner }: WithdrawApplicationCommand): Promise<ApplicationResponse> {
    return transactionWithEvents(this.dataSource, async (transaction) => {
      const application = await transaction.findOne(Application, {
        where: { id: applicationId, practitionerId: practitioner.id },
        lock: { mode: 'pessimistic_write' },
      });
      // Someone else's application is as not found as one that does not exist.
      if (!application) throw new NotFoundException(`You have no application with id ${applicationId}.`);
      if (application.status !== 'submitted') throw new ConflictException(`The application is ${application.status} already.`);
      application.status = 'withdrawn';
      application.withdrawnAt = new Date();
      const saved = await transaction.save(application);
      const [opportunity] = await transaction.query<{ partnership_id: string }[]>('SELECT partnership_id FROM opportunities WHERE id = $1', [application.opportunityId]);
      // The foreign key keeps an application's opportunity.
      if (!opportunity) throw new Error(`Application ${applicationId} has no opportunity ${application.opportunityId}`);
      const partnershipId = opportunity.partnership_id;
      return { result: toApplicationResponse(saved), events: [applicationEvent('application.withdrawn', saved, partnershipId)] };
    });
  }
}
