import { ConflictException, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { conflictOnDuplicate } from '#libs/database';
import { domainEvent, transactionWithEvents } from '#libs/events';
import { visibleOpportunity } from '#libs/opportunities';
import { PractitionerProfile } from '#libs/practitioners';
import { londonDateTime } from '#libs/http';
import { ApplyCommand, WithdrawApplicationCommand } from './application.commands.js';
import type { ApplicationResponse } from './application.dto.js';
import { Application } from './application.entity.js';
import { toApplicationResponse } from './application.mapper.js';
import { ineligibilityReasons } from './eligibility.js';

const applicationEvent = (type: 'application.submitted' | 'application.withdrawn', application: Application, partnershipId: string) =>
  domainEvent(type, {
    aggregateId: application.id,
    partnershipId,
    actorId: application.practitionerId,
    payload: { applicationId: application.id, opportunityId: application.opportunityId, practitionerId: application.practitionerId },
  });

@CommandHandler(ApplyCommand)
export class ApplyHandler implements ICommandHandler<ApplyCommand> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ opportunityId, statement, practitioner }: ApplyCommand): Promise<ApplicationResponse> {
    return conflictOnDuplicate('applications_one_per_practitioner', 'You have already applied to this opportunity.', () =>
      transactionWithEvents(this.dataSource, async (transaction) => {
        // A shared lock: many may apply at once, while a status change (closing, cancelling) waits for them.
        const opportunity = await visibleOpportunity(transaction, practitioner, opportunityId, 'pessimistic_read');
        if (opportunity.status !== 'published') throw new ConflictException(`It is ${opportunity.status}: it takes no applications.`);
        if (opportunity.closesAt.getTime() <= Date.now()) {
          throw new ConflictException(`Applications closed at ${londonDateTime(opportunity.closesAt)}.`);
        }
        const profile = await transaction.findOneBy(PractitionerProfile, { userId: practitioner.id });
        if (!profile) throw new UnprocessableEntityException('Save your profile (PUT /api/me/profile) before applying: it says what you can take on.');
        const reasons = ineligibilityReasons(opportunity, profile);
        if (reasons.length > 0) throw new UnprocessableEntityException(`You cannot apply: ${reasons.join('; ')}.`);

        const application = await transaction.save(
          transaction.create(Application, { opportunityId, practitionerId: practitioner.id, statement, status: 'submitted' }),
        );
        return { result: toApplicationResponse(application), events: [applicationEvent('application.submitted', application, opportunity.partnershipId)] };
      }),
    );
  }
}

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
      const [{ partnership_id: partnershipId }] = await transaction.query('SELECT partnership_id FROM opportunities WHERE id = $1', [application.opportunityId]);
      return { result: toApplicationResponse(saved), events: [applicationEvent('application.withdrawn', saved, partnershipId)] };
    });
  }
}
