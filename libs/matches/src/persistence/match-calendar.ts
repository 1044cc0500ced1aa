import { ConflictException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { calendarFile } from '#libs/calendar';
import { type Opportunity, OpportunitySession } from '#libs/opportunities';
import type { Match } from './match.entity.js';

/**
 * The approved match's sessions as a calendar file, under the uid of the approval email's
 * invitation, so that opening both leaves one set of events.
 */
export async function matchCalendar(manager: EntityManager, match: Match, opportunity: Opportunity): Promise<string> {
  if (match.status !== 'approved') throw new ConflictException(`The match is ${match.status}: only an approved match has a calendar file.`);
  if (opportunity.status === 'cancelled') throw new ConflictException('The opportunity is cancelled: its sessions will not take place.');
  const [sessions, [partnership]] = await Promise.all([
    manager.find(OpportunitySession, { where: { opportunityId: opportunity.id }, order: { startsAt: 'ASC' } }),
    manager.query<{ name: string }[]>('SELECT name FROM partnerships WHERE id = $1', [opportunity.partnershipId]),
  ]);
  return calendarFile({
    uid: `match-${match.id}`,
    title: opportunity.title,
    description: `${partnership?.name ?? 'Teaching partnership'}. Contact: ${opportunity.contact}`,
    sessions: sessions.map((session) => ({
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
      place: session.place,
      onlineLink: session.onlineLink,
    })),
  });
}
