import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Query } from '@nestjs/cqrs';
import { TextBoolean } from '#libs/config';
import { PageQuery, PlainText, type Page } from '#libs/http';
import type { Caller } from '#libs/identity';
import { OPPORTUNITY_STATUSES, OPPORTUNITY_TYPES, type OpportunityStatus, type OpportunityType } from './opportunity.js';
import type { OpportunityResponse } from './opportunity.dto.js';

export const SORTS = ['soonest', 'newest', 'closing_soon'] as const;
export type Sort = (typeof SORTS)[number];

export class OpportunityListParams extends PageQuery {
  @ApiPropertyOptional({ description: 'Words to find in the title and description (web search syntax: "quoted phrase", -exclude, or).', example: 'child protection' })
  @IsOptional()
  @PlainText(200)
  q?: string;

  @ApiPropertyOptional({ enum: OPPORTUNITY_TYPES })
  @IsOptional()
  @IsIn(OPPORTUNITY_TYPES)
  type?: OpportunityType;

  @ApiPropertyOptional({ enum: OPPORTUNITY_STATUSES, description: 'Practitioners see published opportunities only.' })
  @IsOptional()
  @IsIn(OPPORTUNITY_STATUSES)
  status?: OpportunityStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Hosted by this university or council.' })
  @IsOptional()
  @IsUUID('all')
  hostOrganisationId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  partnershipId?: string;

  @ApiPropertyOptional({ example: 'child_protection', description: 'Requiring this specialism.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  specialism?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'First session on or after this.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  startsFrom?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'First session before this.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  startsBefore?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'Only those with places left.' })
  @IsOptional()
  @TextBoolean()
  @IsIn([true, false], { message: 'hasFreePlaces must be true or false' })
  hasFreePlaces?: boolean;

  @ApiPropertyOptional({ enum: SORTS, default: 'soonest' })
  @IsOptional()
  @IsIn(SORTS)
  sort: Sort = 'soonest';
}

export class FindOpportunitiesQuery extends Query<Page<OpportunityResponse>> {
  constructor(
    readonly params: OpportunityListParams,
    readonly caller: Caller,
  ) {
    super();
  }
}
