import { ConflictException } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { calendarFile } from '#libs/calendar';
import { OpportunitySession } from '#libs/opportunities';
import { visibleMatch } from '../../persistence/match-access.js';
import { MatchCalendarQuery } from './match-calendar.query.js';

@QueryHandler(MatchCalendarQuery)
export class MatchCalendarHandler implements IQueryHandler<MatchCalendarQuery> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ matchId, caller }: MatchCalendarQuery): Promise<string> {
    const manager = this.dataSource.manager;
    const { match, opportunity } = await visibleMatch(manager, caller, matchId);
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
}
