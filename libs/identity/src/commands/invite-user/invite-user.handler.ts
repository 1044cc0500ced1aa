import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { conflictOnDuplicate, isForeignKeyViolation } from '#libs/database';
import { transactionWithEvents } from '#libs/events';
import { InvalidRequestException } from '#libs/http';
import { isAdmin } from '../../domain/caller.js';
import { PartnershipDirectory } from '../../domain/partnership-directory.js';
import type { InvitationResponse, InviteUserRequest } from '../../http/identity.dto.js';
import { IdentityConfig } from '../../identity.config.js';
import { issueInvitation } from '../../persistence/issue-invitation.js';
import { User } from '../../persistence/user.entity.js';
import { InviteUserCommand } from './invite-user.command.js';

/** Which organisation field a role needs; the other must be absent. */
function organisationProblems({ role, universityId, councilId }: InviteUserRequest): { field: string; messages: string[] }[] {
  const needs = role === 'academic' ? 'universityId' : role === 'practitioner' ? 'councilId' : null;
  const given = { universityId, councilId };
  return (['universityId', 'councilId'] as const).flatMap((field) => {
    if (field === needs && !given[field]) return [{ field, messages: [`${field} is required for the role ${role}`] }];
    if (field !== needs && given[field]) return [{ field, messages: [`${field} must not be given for the role ${role}`] }];
    return [];
  });
}

@CommandHandler(InviteUserCommand)
export class InviteUserHandler implements ICommandHandler<InviteUserCommand> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly partnerships: PartnershipDirectory,
    private readonly config: IdentityConfig,
  ) {}

  async execute({ request, inviter }: InviteUserCommand): Promise<InvitationResponse> {
    const problems = organisationProblems(request);
    if (problems.length > 0) throw new InvalidRequestException(problems);
    const partnershipId = isAdmin(inviter) ? null : await this.partnershipLeadInvitesIn(request, inviter.partnershipIds);

    try {
      return await conflictOnDuplicate('users_email_key', `Someone with the email ${request.email} is already invited or signed up.`, () =>
        transactionWithEvents(this.dataSource, async (transaction) => {
          const user = await transaction.save(
            transaction.create(User, {
              email: request.email,
              displayName: request.displayName,
              role: request.role,
              universityId: request.universityId ?? null,
              councilId: request.councilId ?? null,
              passwordHash: null,
            }),
          );
          return issueInvitation(transaction, this.config, user, { actorId: inviter.id, partnershipId });
        }),
      );
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new NotFoundException(`No ${request.universityId ? 'university' : 'council'} has id ${request.universityId ?? request.councilId}.`);
      throw error;
    }
  }

  /**
   * A lead invites academics and practitioners of organisations in the partnerships they lead, no
   * one else; the partnership they invite in is the one whose audit trail shows it.
   */
  private async partnershipLeadInvitesIn(request: InviteUserRequest, ledPartnerships: string[]): Promise<string> {
    if (request.role !== 'academic' && request.role !== 'practitioner') {
      throw new ForbiddenException('A partnership lead may invite academics and practitioners only.');
    }
    const organisationId = (request.universityId ?? request.councilId)!;
    const partnerships = await this.partnerships.partnershipsOfOrganisation(organisationId);
    const partnershipId = partnerships.find((id) => ledPartnerships.includes(id));
    if (!partnershipId) {
      throw new NotFoundException(`No ${request.role === 'academic' ? 'university' : 'council'} has id ${organisationId} in your partnerships.`);
    }
    return partnershipId;
  }
}
