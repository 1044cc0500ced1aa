import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PlainText } from '#libs/http';
import { CAREER_STAGES, type CareerStage } from '#libs/practitioners';
import { OPPORTUNITY_STATUSES, OPPORTUNITY_TYPES, type OpportunityStatus, type OpportunityType } from './opportunity.js';

// An instant with its offset, so "10:00" is never read in the wrong time zone.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const Instant = (): PropertyDecorator =>
  applyDecorators(
    Matches(INSTANT, { message: '$property must be a date and time with an offset, e.g. 2027-03-02T10:00:00+00:00' }),
    IsISO8601({ strict: true }),
  );

export class SessionDto {
  @ApiProperty({ example: '2027-03-02T10:00:00+00:00', format: 'date-time' })
  @Instant()
  startsAt: string;

  @ApiProperty({ example: '2027-03-02T12:00:00+00:00', format: 'date-time' })
  @Instant()
  endsAt: string;

  @ApiPropertyOptional({ example: 'Room 2.14, Elizabeth Fry Building, UEA' })
  @IsOptional()
  @PlainText(300)
  place?: string;

  @ApiPropertyOptional({ example: 'https://teams.example/meet/123' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @IsUrl({ protocols: ['https'], require_protocol: true })
  onlineLink?: string;
}

export class OpportunityDetails {
  @ApiProperty({ example: 'Lecture: assessing risk in child protection', maxLength: 200 })
  @PlainText(200)
  title: string;

  @ApiProperty({ example: 'A two-hour lecture for second-year BA students, with time for questions.', maxLength: 5000 })
  @PlainText(5000)
  description: string;

  @ApiProperty({ type: [SessionDto], description: 'One or more; each with a place, an online link, or both.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SessionDto)
  sessions: SessionDto[];

  @ApiProperty({ example: 2, minimum: 1, maximum: 500, description: 'Places.' })
  @IsInt()
  @Min(1)
  @Max(500)
  capacity: number;

  @ApiProperty({ example: ['child_protection'], description: 'Codes from GET /api/specialisms.' })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  requiredSpecialisms: string[];

  @ApiProperty({ enum: CAREER_STAGES, example: 'social_worker' })
  @IsIn(CAREER_STAGES)
  minimumCareerStage: CareerStage;

  @ApiPropertyOptional({ enum: [0, 1, 2], description: 'Required for practice_educator: the PEPS stage needed.' })
  @IsOptional()
  @IsIn([0, 1, 2])
  pepsStage?: number;

  @ApiProperty({ example: '2027-02-20T17:00:00+00:00', format: 'date-time', description: 'Applications close; before the first session.' })
  @Instant()
  closesAt: string;

  @ApiProperty({ example: 'Dr Priya Shah, p.shah@uea.example', maxLength: 200 })
  @PlainText(200)
  contact: string;
}

export class CreateOpportunityRequest extends OpportunityDetails {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  partnershipId: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "The university or council hosting it, a member of the partnership. An academic's own university when left out.",
  })
  @IsOptional()
  @IsUUID('all')
  hostOrganisationId?: string;

  @ApiProperty({ enum: OPPORTUNITY_TYPES })
  @IsIn(OPPORTUNITY_TYPES)
  type: OpportunityType;
}

/** The whole of what may change once created: everything but the partnership, host and type. */
export class UpdateOpportunityRequest extends OmitType(CreateOpportunityRequest, ['partnershipId', 'hostOrganisationId', 'type'] as const) {}

export class CancelOpportunityRequest {
  @ApiProperty({ example: 'The lecturer is unwell; the session moves to next term.', maxLength: 1000 })
  @PlainText(1000)
  reason: string;
}

export class SessionResponse {
  @ApiProperty({ format: 'date-time' })
  startsAt: string;

  @ApiProperty({ format: 'date-time' })
  endsAt: string;

  @ApiProperty({ nullable: true, type: String })
  place: string | null;

  @ApiProperty({ nullable: true, type: String })
  onlineLink: string | null;
}

export class OpportunityResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  partnershipId: string;

  @ApiProperty({ example: { type: 'university', id: '2c6b1f7e-8d0a-4f57-9d8e-3e1b2f4a5c6d' } })
  host: { type: 'university' | 'council'; id: string };

  @ApiProperty({ enum: OPPORTUNITY_TYPES })
  type: OpportunityType;

  @ApiProperty()
  title: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ enum: OPPORTUNITY_STATUSES })
  status: OpportunityStatus;

  @ApiProperty()
  capacity: number;

  @ApiProperty({ type: [String] })
  requiredSpecialisms: string[];

  @ApiProperty({ enum: CAREER_STAGES })
  minimumCareerStage: CareerStage;

  @ApiProperty({ nullable: true, type: Number })
  pepsStage: number | null;

  @ApiProperty({ type: [SessionResponse], description: 'In time order.' })
  sessions: SessionResponse[];

  @ApiProperty({ format: 'date-time' })
  closesAt: string;

  @ApiProperty()
  contact: string;

  @ApiProperty({ nullable: true, type: String })
  cancellationReason: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class OpportunityPage {
  @ApiProperty({ type: [OpportunityResponse] })
  items: OpportunityResponse[];

  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last page.' })
  nextCursor: string | null;
}
