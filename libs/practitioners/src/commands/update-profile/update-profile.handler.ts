import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { domainEvent, transactionWithEvents } from '#libs/events';
import { type InvalidField, InvalidRequestException } from '#libs/http';
import type { PractitionerProfileRequest, PractitionerProfileResponse } from '../../http/profile.dto.js';
import { toProfileResponse } from '../../http/profile.mapper.js';
import { PractitionerProfile } from '../../persistence/practitioner-profile.entity.js';
import { specialismProblems } from '../../persistence/specialisms.read.js';
import { UpdateProfileCommand } from './update-profile.command.js';

/** What field validation cannot see: periods that end before they start. */
function periodProblems(request: PractitionerProfileRequest): InvalidField[] {
  return request.availability.unavailable.flatMap((period, index) =>
    period.from > period.to ? [{ field: `availability.unavailable.${index}`, messages: ['to must be on or after from'] }] : [],
  );
}

@CommandHandler(UpdateProfileCommand)
export class UpdateProfileHandler implements ICommandHandler<UpdateProfileCommand> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ request, practitioner }: UpdateProfileCommand): Promise<PractitionerProfileResponse> {
    const problems = [
      ...periodProblems(request),
      ...(await specialismProblems(this.dataSource.manager, practitioner, request.specialisms, 'specialisms')),
    ];
    if (problems.length > 0) throw new InvalidRequestException(problems);

    return transactionWithEvents(this.dataSource, async (transaction) => {
      await transaction.upsert(
        PractitionerProfile,
        {
          userId: practitioner.id,
          councilId: practitioner.councilId!,
          careerStage: request.careerStage,
          pepsStage: request.pepsStage,
          yearsQualified: request.yearsQualified ?? null,
          specialisms: request.specialisms,
          availableWeekdays: [...request.availability.weekdays].sort(),
          unavailablePeriods: request.availability.unavailable.map(({ from, to }) => ({ from, to })),
          preferredFormats: request.preferredFormats,
          maxOpportunitiesPerTerm: request.maxOpportunitiesPerTerm,
        },
        ['userId'],
      );
      const profile = await transaction.findOneByOrFail(PractitionerProfile, { userId: practitioner.id });
      const updated = domainEvent('practitioner.profile_updated', {
        aggregateId: practitioner.id,
        actorId: practitioner.id,
        payload: { userId: practitioner.id, councilId: practitioner.councilId },
      });
      return { result: toProfileResponse(profile), events: [updated] };
    });
  }
}
