import { ApiProperty, PickType } from '@nestjs/swagger';
import { EXAMPLE_CURSOR } from '#libs/http';
import { OpportunityResponse, SessionResponse } from './opportunity.dto.js';

/** A session as anyone may read it: whether it is online, not the link to join. */
export class PublicSessionResponse extends PickType(SessionResponse, ['startsAt', 'endsAt', 'place'] as const) {
  @ApiProperty({ example: false, description: 'Whether it can be joined online; the link is for those taking part.' })
  online!: boolean;
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
  sessions!: PublicSessionResponse[];
}

export class PublicOpportunityPage {
  @ApiProperty({ type: [PublicOpportunityResponse] })
  items!: PublicOpportunityResponse[];

  @ApiProperty({ example: EXAMPLE_CURSOR, nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last page.' })
  nextCursor!: string | null;
}
