import { ConflictException, UnprocessableEntityException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { conflictOnDuplicate } from '#libs/database';
import { transactionWithEvents } from '#libs/events';
import { londonDateTime } from '#libs/http';
import { eligibilityFor, type IneligibilityReason, type Opportunity, visibleOpportunity } from '#libs/opportunities';
import { PractitionerProfile } from '#libs/practitioners';
import { applicationEvent } from '../../domain/application.events.js';
import type { ApplicationResponse } from '../../http/application.dto.js';
import { toApplicationResponse } from '../../http/application.mapper.js';
import { Application } from '../../persistence/application.entity.js';
import { ApplyCommand } from './apply.command.js';

/**
 * Why an application is refused, from the first reason the opportunity's page would also show:
 * 409 for the opportunity's state or an earlier application, 422 for what the practitioner's profile says.
 */
async function refusal(transaction: EntityManager, practitionerId: string, opportunity: Opportunity, reasons: IneligibilityReason[]): Promise<Error> {
  if (reasons.includes('closed')) {
    return new ConflictException(
      opportunity.status === 'published' ? `Applications closed at ${londonDateTime(opportunity.closesAt)}.` : `It is ${opportunity.status}: it takes no applications.`,
    );
  }
  if (reasons.includes('no_places')) return new ConflictException('Every place is taken: it takes no more applications.');
  if (reasons.includes('already_applied')) return new ConflictException(ALREADY_APPLIED);
  if (reasons.includes('no_profile')) return new UnprocessableEntityException('Save your profile (PUT /api/me/profile) before applying: it says what you can take on.');
  const profile = await transaction.findOneByOrFail(PractitionerProfile, { userId: practitionerId });
  const why = [
    ...(reasons.includes('career_stage') ? [`it asks for career stage ${opportunity.minimumCareerStage} or above; your profile says ${profile.careerStage}`] : []),
    ...(reasons.includes('peps_stage') ? [`it asks for PEPS stage ${opportunity.pepsStage}; your profile says ${profile.pepsStage}`] : []),
  ];
  return new UnprocessableEntityException(`You cannot apply: ${why.join('; ')}.`);
}

const ALREADY_APPLIED = 'You have already applied to this opportunity.';

@CommandHandler(ApplyCommand)
export class ApplyHandler implements ICommandHandler<ApplyCommand> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ opportunityId, statement, practitioner }: ApplyCommand): Promise<ApplicationResponse> {
    // The index still decides between two applications sent at once.
    return conflictOnDuplicate('applications_one_per_practitioner', ALREADY_APPLIED, () =>
      transactionWithEvents(this.dataSource, async (transaction) => {
        // A shared lock: many may apply at once, while a status change (closing, cancelling) waits for them.
        const opportunity = await visibleOpportunity(transaction, practitioner, opportunityId, 'pessimistic_read');
        const { eligible, reasons } = await eligibilityFor(transaction, practitioner.id, opportunity);
        if (!eligible) throw await refusal(transaction, practitioner.id, opportunity, reasons);

        const application = await transaction.save(
          transaction.create(Application, { opportunityId, practitionerId: practitioner.id, statement, status: 'submitted' }),
        );
        return { result: toApplicationResponse(application), events: [applicationEvent('application.submitted', application, opportunity.partnershipId)] };
      }),
    );
  }
}
