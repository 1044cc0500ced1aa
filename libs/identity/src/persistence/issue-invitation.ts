import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { domainEvent, type EventEnvelope } from '#libs/events';
import { londonDateTime } from '#libs/http';
import { invitationToken } from '#libs/mail-contract';
import { hashToken } from '../domain/passwords.js';
import type { InvitationResponse } from '../http/identity.dto.js';
import type { IdentityConfig } from '../identity.config.js';
import { Invitation } from './invitation.entity.js';
import type { User } from './user.entity.js';

/**
 * A new invitation for `user` and the `user.invited` event the notification worker emails it from;
 * its token derives from its id, so only the token's hash is stored.
 */
export async function issueInvitation(
  transaction: EntityManager,
  config: IdentityConfig,
  user: User,
  by: { actorId: string; partnershipId: string | null },
): Promise<{ result: InvitationResponse; events: EventEnvelope[] }> {
  const invitationId = randomUUID();
  const token = invitationToken(config.LINK_SECRET, invitationId);
  const expiresAt = new Date(Date.now() + config.INVITATION_TTL_HOURS * 3600_000);
  await transaction.insert(Invitation, { id: invitationId, userId: user.id, tokenHash: hashToken(token), invitedBy: by.actorId, expiresAt });
  const invited = domainEvent('user.invited', {
    aggregateId: user.id,
    actorId: by.actorId,
    partnershipId: by.partnershipId,
    payload: { userId: user.id, invitationId, email: user.email, displayName: user.displayName, role: user.role, expiresAt: expiresAt.toISOString() },
  });
  return {
    result: { userId: user.id, invitationId, email: user.email, role: user.role, invitationToken: token, expiresAt: londonDateTime(expiresAt) },
    events: [invited],
  };
}
