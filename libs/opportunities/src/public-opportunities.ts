import { ApiProperty, PickType } from '@nestjs/swagger';
import { Query } from '@nestjs/cqrs';
import { EXAMPLE_CURSOR, type Page, type PageQuery } from '#libs/http';
import { OpportunityResponse, SessionResponse } from './opportunity.dto.js';

/** A session as anyone may read it: whether it is online, not the link to join. */
export class PublicSessionResponse extends PickType(SessionResponse, ['startsAt', 'endsAt', 'place'] as const) {
  @ApiProperty({ example: false, description: 'Whether it can be joined online; the link is for those taking part.' })
  online: boolean;
}

/** An open opportunity as anyone may read it: what it is and when, not who to contact or how many applied. */
export class PublicOpportunityResponse extends PickType(OpportunityResponse, [
  'id',
  'partnershipId',
  'host',
  'type',
  'title',
  'description',
  'placesLeft',
  'requiredSpecialisms',
  'minimumCareerStage',
  'pepsStage',
  'closesAt',
] as const) {
  @ApiProperty({ type: [PublicSessionResponse], description: 'In time order.' })
  sessions: PublicSessionResponse[];
}

export class PublicOpportunityPage {
  @ApiProperty({ type: [PublicOpportunityResponse] })
  items: PublicOpportunityResponse[];

  @ApiProperty({ example: EXAMPLE_CURSOR, nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last page.' })
  nextCursor: string | null;
}

/** The open opportunities of a partnership that lists publicly, soonest first. */
export class FindPublicOpportunitiesQuery extends Query<Page<PublicOpportunityResponse>> {
  constructor(
    readonly partnershipId: string,
    readonly params: PageQuery,
  ) {
    super();
  }
}

export function toPublicOpportunity(opportunity: OpportunityResponse): PublicOpportunityResponse {
  return {
    id: opportunity.id,
    partnershipId: opportunity.partnershipId,
    host: opportunity.host,
    type: opportunity.type,
    title: opportunity.title,
    description: opportunity.description,
    placesLeft: opportunity.placesLeft,
    requiredSpecialisms: opportunity.requiredSpecialisms,
    minimumCareerStage: opportunity.minimumCareerStage,
    pepsStage: opportunity.pepsStage,
    sessions: opportunity.sessions.map((session) => ({ startsAt: session.startsAt, endsAt: session.endsAt, place: session.place, online: session.onlineLink !== null })),
    closesAt: opportunity.closesAt,
  };
}
