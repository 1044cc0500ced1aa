import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PlainText } from '#libs/http';
import { CAREER_STAGES, type CareerStage, type Format, FORMATS, type PepsStage, PEPS_STAGES, WEEKDAYS } from '../domain/practitioner.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class PeriodDto {
  @ApiProperty({ example: '2026-12-21', format: 'date' })
  @Matches(ISO_DATE, { message: '$property must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  from!: string;

  @ApiProperty({ example: '2027-01-03', format: 'date', description: 'The last day away, inclusive.' })
  @Matches(ISO_DATE, { message: '$property must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  to!: string;
}

export class AvailabilityDto {
  @ApiProperty({ example: [2, 4], description: 'ISO weekdays the practitioner can usually give: 1 Monday to 7 Sunday.', type: [Number] })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(7)
  @IsIn(WEEKDAYS, { each: true })
  weekdays!: number[];

  @ApiProperty({ type: [PeriodDto], description: 'Date ranges when they are away.' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PeriodDto)
  unavailable!: PeriodDto[];
}

export class PractitionerProfileRequest {
  @ApiProperty({ enum: CAREER_STAGES, example: 'senior_practitioner' })
  @IsIn(CAREER_STAGES)
  careerStage!: CareerStage;

  @ApiProperty({ enum: PEPS_STAGES, example: 1, description: 'Practice Educator Professional Standards stage: 0 none, 1, or 2.' })
  @IsIn(PEPS_STAGES)
  pepsStage!: PepsStage;

  @ApiPropertyOptional({ example: 6, minimum: 0, maximum: 60 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60)
  yearsQualified?: number;

  @ApiProperty({ example: ['child_protection', 'domestic_abuse'], description: 'Codes from GET /api/specialisms.' })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  specialisms!: string[];

  @ApiProperty({ type: AvailabilityDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AvailabilityDto)
  availability!: AvailabilityDto;

  @ApiProperty({ enum: FORMATS, isArray: true, example: ['in_person', 'online'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(FORMATS, { each: true })
  preferredFormats!: Format[];

  @ApiProperty({ example: 2, minimum: 0, maximum: 20, description: 'Opportunities they would take on in one term, at most.' })
  @IsInt()
  @Min(0)
  @Max(20)
  maxOpportunitiesPerTerm!: number;
}

export class PractitionerProfileResponse extends PractitionerProfileRequest {
  @ApiProperty({ example: '2027-01-20T18:02:00.000+00:00', format: 'date-time' })
  updatedAt!: string;
}

export class SpecialismResponse {
  @ApiProperty({ example: 'child_protection' })
  code!: string;

  @ApiProperty({ example: 'Child protection' })
  label!: string;

  @ApiProperty({ example: null, format: 'uuid', nullable: true, type: String, description: 'The partnership that added it; null for the shared ones.' })
  partnershipId!: string | null;
}

export class AddSpecialismRequest {
  @ApiProperty({ example: 'rural_practice', description: 'Lower-case letters, digits and _; unique across all partnerships.' })
  @Matches(/^[a-z][a-z0-9_]{2,49}$/, { message: '$property must be 3 to 50 lower-case letters, digits or _, starting with a letter' })
  code!: string;

  @ApiProperty({ example: 'Rural practice', maxLength: 100 })
  @PlainText(100)
  label!: string;
}
