import { randomUUID } from 'node:crypto';
import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { conflictOnDuplicate, isForeignKeyViolation } from '#libs/database';
import { domainEvent, transactionWithEvents } from '#libs/events';
import { InvalidRequestException, londonDateTime } from '#libs/http';
import { invitationToken } from '#libs/mail-contract';
import { isAdmin } from './caller.js';
import { IdentityConfig } from './identity.config.js';
import type { InvitationResponse, InviteUserRequest } from './identity.dto.js';
import { Invitation } from './invitation.entity.js';
import { InviteUserCommand } from './invite-user.command.js';
import { PartnershipDirectory } from './partnership-directory.js';
import { hashToken } from './passwords.js';
import { User } from './user.entity.js';

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
    if (!isAdmin(inviter)) await this.assertLeadMayInvite(request, inviter.partnershipIds);

    const invitationId = randomUUID();
    const token = invitationToken(this.config.LINK_SECRET, invitationId);
    const expiresAt = new Date(Date.now() + this.config.INVITATION_TTL_HOURS * 3600_000);
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
          const invitation = await transaction.save(transaction.create(Invitation, { id: invitationId, userId: user.id, tokenHash: hashToken(token), invitedBy: inviter.id, expiresAt }));
          const invited = domainEvent('user.invited', {
            aggregateId: user.id,
            actorId: inviter.id,
            payload: { userId: user.id, invitationId: invitation.id, email: user.email, displayName: user.displayName, role: user.role, expiresAt: expiresAt.toISOString() },
          });
          return {
            result: { userId: user.id, email: user.email, role: user.role, invitationToken: token, expiresAt: londonDateTime(expiresAt) },
            events: [invited],
          };
        }),
      );
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new NotFoundException(`No ${request.universityId ? 'university' : 'council'} has id ${request.universityId ?? request.councilId}.`);
      throw error;
    }
  }

  /** A lead invites academics and practitioners of organisations in the partnerships they lead, no one else. */
  private async assertLeadMayInvite(request: InviteUserRequest, ledPartnerships: string[]): Promise<void> {
    if (request.role !== 'academic' && request.role !== 'practitioner') {
      throw new ForbiddenException('A partnership lead may invite academics and practitioners only.');
    }
    const organisationId = (request.universityId ?? request.councilId)!;
    const partnerships = await this.partnerships.partnershipsOfOrganisation(organisationId);
    if (!partnerships.some((id) => ledPartnerships.includes(id))) {
      throw new NotFoundException(`No ${request.role === 'academic' ? 'university' : 'council'} has id ${organisationId} in your partnerships.`);
    }
  }
}
