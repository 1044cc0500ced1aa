import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DateTimeWithOffset, EXAMPLE_CURSOR, PlainText } from '#libs/http';
import { CAREER_STAGES, type CareerStage } from '#libs/practitioners';
import { INELIGIBILITY_REASONS, type IneligibilityReason } from '../domain/eligibility.js';
import { OPPORTUNITY_ACTIONS, OPPORTUNITY_STATUSES, OPPORTUNITY_TYPES, type OpportunityAction, type OpportunityStatus, type OpportunityType } from '../domain/opportunity.js';

export class SessionDto {
  @ApiProperty({ example: '2027-03-02T10:00:00+00:00', format: 'date-time' })
  @DateTimeWithOffset()
  startsAt!: string;

  @ApiProperty({ example: '2027-03-02T12:00:00+00:00', format: 'date-time' })
  @DateTimeWithOffset()
  endsAt!: string;

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
  title!: string;

  @ApiProperty({ example: 'A two-hour lecture for second-year BA students, with time for questions.', maxLength: 5000 })
  @PlainText(5000)
  description!: string;

  @ApiProperty({ type: [SessionDto], description: 'One or more; each with a place, an online link, or both.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SessionDto)
  sessions!: SessionDto[];

  @ApiProperty({ example: 2, minimum: 1, maximum: 500, description: 'Places.' })
  @IsInt()
  @Min(1)
  @Max(500)
  capacity!: number;

  @ApiProperty({ example: ['child_protection'], description: 'Codes from GET /api/specialisms.' })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  requiredSpecialisms!: string[];

  @ApiProperty({ enum: CAREER_STAGES, example: 'social_worker' })
  @IsIn(CAREER_STAGES)
  minimumCareerStage!: CareerStage;

  @ApiPropertyOptional({ example: 1, enum: [0, 1, 2], description: 'Required for practice_educator: the PEPS stage needed.' })
  @IsOptional()
  @IsIn([0, 1, 2])
  pepsStage?: number;

  @ApiProperty({ example: '2027-02-20T17:00:00+00:00', format: 'date-time', description: 'Applications close; before the first session.' })
  @DateTimeWithOffset()
  closesAt!: string;

  @ApiProperty({ example: 'Dr Priya Shah, p.shah@uea.example', maxLength: 200 })
  @PlainText(200)
  contact!: string;
}

export class CreateOpportunityRequest extends OpportunityDetails {
  @ApiProperty({ example: '5b0c7f6e-2d1a-4c9b-8e3f-1a2b3c4d5e6f', format: 'uuid' })
  @IsUUID('all')
  partnershipId!: string;

  @ApiPropertyOptional({
    example: 'a3f1c2d4-5b6e-4f70-8a91-b2c3d4e5f607',
    format: 'uuid',
    description: "The university or council hosting it, a member of the partnership. An academic's own university when left out.",
  })
  @IsOptional()
  @IsUUID('all')
  hostOrganisationId?: string;

  @ApiProperty({ example: 'teaching', enum: OPPORTUNITY_TYPES })
  @IsIn(OPPORTUNITY_TYPES)
  type!: OpportunityType;
}

/** The whole of what may change once created: everything but the partnership, host and type. */
export class UpdateOpportunityRequest extends OmitType(CreateOpportunityRequest, ['partnershipId', 'hostOrganisationId', 'type'] as const) {}

export class CancelOpportunityRequest {
  @ApiProperty({ example: 'The lecturer is unwell; the session moves to next term.', maxLength: 1000 })
  @PlainText(1000)
  reason!: string;
}

export class SessionResponse {
  @ApiProperty({ example: '2027-06-14T10:00:00.000+01:00', format: 'date-time' })
  startsAt!: string;

  @ApiProperty({ example: '2027-06-14T12:00:00.000+01:00', format: 'date-time' })
  endsAt!: string;

  @ApiProperty({ example: 'Room 2.14, Elizabeth Fry Building, UEA', nullable: true, type: String })
  place!: string | null;

  @ApiProperty({ example: null, nullable: true, type: String })
  onlineLink!: string | null;
}

export class OpportunityHost {
  @ApiProperty({ example: 'university', enum: ['university', 'council'] })
  type!: 'university' | 'council';

  @ApiProperty({ example: '2c6b1f7e-8d0a-4f57-9d8e-3e1b2f4a5c6d', format: 'uuid' })
  id!: string;
}

export class EligibilityResponse {
  @ApiProperty({ example: false, description: 'Whether the practitioner may apply now.' })
  eligible!: boolean;

  @ApiProperty({
    example: ['career_stage'],
    enum: INELIGIBILITY_REASONS,
    isArray: true,
    description:
      'Every reason they may not, empty when they may: `closed` (not taking applications, or its closing date has passed), `no_places`, ' +
      '`already_applied` (an application, withdrawn or not: each practitioner applies once), `no_profile` (no profile saved, so no stage to judge), ' +
      '`career_stage` (below the minimum), `peps_stage` (below the PEPS stage asked for).',
  })
  reasons!: IneligibilityReason[];
}

export class OpportunityResponse {
  @ApiProperty({ example: '0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b', format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '5b0c7f6e-2d1a-4c9b-8e3f-1a2b3c4d5e6f', format: 'uuid' })
  partnershipId!: string;

  @ApiProperty({ type: OpportunityHost, description: 'The university or council hosting it.' })
  host!: OpportunityHost;

  @ApiProperty({ example: 'teaching', enum: OPPORTUNITY_TYPES })
  type!: OpportunityType;

  @ApiProperty({ example: 'Lecture: assessing risk in child protection' })
  title!: string;

  @ApiProperty({ example: 'A two-hour lecture for second-year BA students, with time for questions.' })
  description!: string;

  @ApiProperty({ example: 'published', enum: OPPORTUNITY_STATUSES })
  status!: OpportunityStatus;

  @ApiProperty({ example: 2 })
  capacity!: number;

  @ApiProperty({ example: 1, description: 'Places not yet taken by an approved match.' })
  placesLeft!: number;

  @ApiProperty({ example: ['child_protection'], type: [String] })
  requiredSpecialisms!: string[];

  @ApiProperty({ example: 'social_worker', enum: CAREER_STAGES })
  minimumCareerStage!: CareerStage;

  @ApiProperty({ example: null, nullable: true, type: Number })
  pepsStage!: number | null;

  @ApiProperty({ type: [SessionResponse], description: 'In time order.' })
  sessions!: SessionResponse[];

  @ApiProperty({ example: '2027-05-31T17:00:00.000+01:00', format: 'date-time' })
  closesAt!: string;

  @ApiProperty({ example: 'Dr Jo Reed, j.reed@uea.ac.uk' })
  contact!: string;

  @ApiProperty({ example: null, nullable: true, type: String })
  cancellationReason!: string | null;

  @ApiProperty({ example: 3, nullable: true, type: Number, description: "Applications not withdrawn; for its hosts and the partnership's leads, null for others." })
  applicationCount!: number | null;

  @ApiProperty({
    example: ['update', 'close', 'cancel', 'complete'],
    enum: OPPORTUNITY_ACTIONS,
    isArray: true,
    description: 'What the caller may do to it now (update is PUT); empty for those who may not change it.',
  })
  actions!: OpportunityAction[];

  @ApiProperty({
    type: EligibilityResponse,
    nullable: true,
    description: 'For a signed-in practitioner getting one opportunity (GET /api/opportunities/{id}): whether they may apply, and why not. Null for everyone else, and in lists.',
  })
  eligibility!: EligibilityResponse | null;

  @ApiProperty({ example: '2027-02-01T11:20:00.000+00:00', format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ example: '2027-02-03T08:45:00.000+00:00', format: 'date-time' })
  updatedAt!: string;
}

export class OpportunityPage {
  @ApiProperty({ type: [OpportunityResponse] })
  items!: OpportunityResponse[];

  @ApiProperty({ example: EXAMPLE_CURSOR, nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last page.' })
  nextCursor!: string | null;

  @ApiProperty({ example: 42, nullable: true, type: Number, description: 'How many opportunities match, on the first page; null on later pages.' })
  total!: number | null;
}
