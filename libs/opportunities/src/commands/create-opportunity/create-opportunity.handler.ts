import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { transactionWithEvents } from '#libs/events';
import { InvalidRequestException } from '#libs/http';
import { type Caller, isAdmin, PartnershipDirectory } from '#libs/identity';
import { opportunityEvent } from '../../domain/opportunity.events.js';
import type { CreateOpportunityRequest, OpportunityResponse } from '../../http/opportunity.dto.js';
import { assertValidDetails, columnsOf, replaceSessions } from '../../persistence/opportunity-details.js';
import { Opportunity } from '../../persistence/opportunity.entity.js';
import { toOpportunityResponse } from '../../persistence/opportunity.read.js';
import { CreateOpportunityCommand } from './create-opportunity.command.js';

type Host = { hostUniversityId: string | null; hostCouncilId: string | null };

@CommandHandler(CreateOpportunityCommand)
export class CreateOpportunityHandler implements ICommandHandler<CreateOpportunityCommand> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly partnerships: PartnershipDirectory,
  ) {}

  async execute({ request, caller }: CreateOpportunityCommand): Promise<OpportunityResponse> {
    await assertValidDetails(this.dataSource.manager, caller, request.type, request);
    const host = await this.hostFor(request, caller);
    return transactionWithEvents(this.dataSource, async (transaction) => {
      const opportunity = await transaction.save(
        transaction.create(Opportunity, {
          ...columnsOf(request),
          ...host,
          partnershipId: request.partnershipId,
          type: request.type,
          status: 'draft',
          createdBy: caller.id,
        }),
      );
      await replaceSessions(transaction, opportunity.id, request);
      return { result: await toOpportunityResponse(transaction, opportunity, caller), events: [opportunityEvent('drafted', opportunity, caller.id)] };
    });
  }

  /**
   * An academic posts for their own university; a lead (or an admin) for any member organisation
   * of the partnership, named in hostOrganisationId. A partnership the caller is not in is not found.
   */
  private async hostFor(request: CreateOpportunityRequest, caller: Caller): Promise<Host> {
    if (!isAdmin(caller) && !caller.partnershipIds.includes(request.partnershipId)) {
      throw new NotFoundException(`No partnership has id ${request.partnershipId}.`);
    }
    if (caller.role === 'academic') {
      if (request.hostOrganisationId && request.hostOrganisationId !== caller.universityId) {
        throw new ForbiddenException('An academic posts opportunities for their own university only.');
      }
      return { hostUniversityId: caller.universityId, hostCouncilId: null };
    }
    if (!request.hostOrganisationId) {
      throw new InvalidRequestException([{ field: 'hostOrganisationId', messages: ['hostOrganisationId is required: the member organisation hosting it'] }]);
    }
    const kind = await this.partnerships.memberKind(request.partnershipId, request.hostOrganisationId);
    if (!kind) throw new NotFoundException(`No member of partnership ${request.partnershipId} has id ${request.hostOrganisationId}.`);
    return kind === 'university'
      ? { hostUniversityId: request.hostOrganisationId, hostCouncilId: null }
      : { hostUniversityId: null, hostCouncilId: request.hostOrganisationId };
  }
}
