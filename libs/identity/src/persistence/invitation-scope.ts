import { ConflictException, ForbiddenException, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Caller, isAdmin } from '../domain/caller.js';
import { Invitation } from './invitation.entity.js';
import { inPartnerships } from './people.read.js';
import { User } from './user.entity.js';

export interface InvitationInScope {
  invitation: Invitation;
  user: User;
  /** The partnership the caller acts in, for its audit trail; null for an admin. */
  partnershipId: string | null;
}

/**
 * An open invitation the caller may re-send or withdraw, locked for the change: the rules of
 * inviting (admins anyone; a lead the academics and practitioners of their partnerships' members).
 * A lead asking after someone outside their partnerships is told it does not exist.
 */
export async function invitationInScope(transaction: EntityManager, invitationId: string, caller: Caller): Promise<InvitationInScope> {
  const notFound = new NotFoundException(`No invitation has id ${invitationId}.`);
  const invitation = await transaction.findOne(Invitation, { where: { id: invitationId }, lock: { mode: 'pessimistic_write' } });
  if (!invitation) throw notFound;
  const user = await transaction.findOneByOrFail(User, { id: invitation.userId });
  let partnershipId: string | null = null;
  if (!isAdmin(caller)) {
    const [shared]: { partnership_id: string }[] = await transaction.query(
      `SELECT m.partnership_id FROM partnership_members m
        WHERE m.partnership_id = ANY($1::uuid[]) AND (m.university_id = $2 OR m.council_id = $3)
        ORDER BY m.partnership_id LIMIT 1`,
      [caller.partnershipIds, user.universityId, user.councilId],
    );
    if (!shared) {
      const visible: unknown[] = await transaction.query(`SELECT 1 FROM users p WHERE p.id = $1 AND ${inPartnerships('$2::uuid[]')}`, [user.id, caller.partnershipIds]);
      if (visible.length === 0) throw notFound;
      throw new ForbiddenException('A partnership lead may re-send and withdraw the invitations of academics and practitioners only.');
    }
    partnershipId = shared.partnership_id;
  }
  if (invitation.acceptedAt || user.passwordHash) throw new ConflictException(`${user.displayName} has accepted their invitation already.`);
  return { invitation, user, partnershipId };
}
