import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { TextBoolean } from '#libs/config';
import { DateTimeWithOffset, PageQuery, PlainText } from '#libs/http';
import { FORMATS, type Format } from '#libs/practitioners';
import { OPPORTUNITY_STATUSES, OPPORTUNITY_TYPES, type OpportunityStatus, type OpportunityType } from '../domain/opportunity.js';

const SORTS = ['soonest', 'newest', 'closing_soon'] as const;
export type Sort = (typeof SORTS)[number];

export class OpportunityListParams extends PageQuery {
  @ApiPropertyOptional({ description: 'Words to find in the title and description (web search syntax: "quoted phrase", -exclude, or).', example: 'child protection' })
  @IsOptional()
  @PlainText(200)
  q?: string;

  @ApiPropertyOptional({ example: 'teaching', enum: OPPORTUNITY_TYPES })
  @IsOptional()
  @IsIn(OPPORTUNITY_TYPES)
  type?: OpportunityType;

  @ApiPropertyOptional({ example: 'published', enum: OPPORTUNITY_STATUSES, description: 'Practitioners see published opportunities only.' })
  @IsOptional()
  @IsIn(OPPORTUNITY_STATUSES)
  status?: OpportunityStatus;

  @ApiPropertyOptional({ example: 'a3f1c2d4-5b6e-4f70-8a91-b2c3d4e5f607', format: 'uuid', description: 'Hosted by this university or council.' })
  @IsOptional()
  @IsUUID('all')
  hostOrganisationId?: string;

  @ApiPropertyOptional({ example: '5b0c7f6e-2d1a-4c9b-8e3f-1a2b3c4d5e6f', format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  partnershipId?: string;

  @ApiPropertyOptional({ example: 'child_protection', description: 'Requiring this specialism.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  specialism?: string;

  @ApiPropertyOptional({ example: '2027-03-01T00:00:00+00:00', format: 'date-time', description: 'First session on or after this.' })
  @IsOptional()
  @DateTimeWithOffset()
  startsFrom?: string;

  @ApiPropertyOptional({ example: '2027-07-01T00:00:00+01:00', format: 'date-time', description: 'First session before this.' })
  @IsOptional()
  @DateTimeWithOffset()
  startsBefore?: string;

  @ApiPropertyOptional({
    example: ['online'],
    enum: FORMATS,
    isArray: true,
    description: 'Only those with a session in this format: `in_person` a session with a place, `online` one with an online link. Repeated, either will do.',
  })
  @IsOptional()
  // A query string gives one value as a string, a repeated one as a list.
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? [value] : value))
  @IsArray()
  @ArrayMaxSize(FORMATS.length * 2)
  @IsIn(FORMATS, { each: true })
  format?: Format[];

  @ApiPropertyOptional({ example: true, type: Boolean, description: 'Only those with places left.' })
  @IsOptional()
  @TextBoolean()
  @IsIn([true, false], { message: 'hasFreePlaces must be true or false' })
  hasFreePlaces?: boolean;

  @ApiPropertyOptional({ example: 'soonest', enum: SORTS, default: 'soonest' })
  @IsOptional()
  @IsIn(SORTS)
  sort: Sort = 'soonest';
}
