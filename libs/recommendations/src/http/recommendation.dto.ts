import { ApiProperty } from '@nestjs/swagger';
import { CAREER_STAGES, type CareerStage } from '#libs/practitioners';
import { OPPORTUNITY_TYPES, type OpportunityType } from '#libs/opportunities';

const REASONS_EXAMPLE = ['covers 2 of 3 specialisms asked for', 'no opportunity taken since March 2026', 'prefers in person, as offered', 'hosted by their own council'];

export class RecommendedPractitioner {
  @ApiProperty({ format: 'uuid', example: '6f1c2a8e-4b7d-4e0a-9d8c-1a2b3c4d5e6f' })
  id!: string;

  @ApiProperty({ example: 'Priya Shah' })
  displayName!: string;

  @ApiProperty({ format: 'uuid', example: '0b8f3c1e-2d4a-4f6b-8c9d-7e6f5a4b3c2d' })
  councilId!: string;

  @ApiProperty({ example: 'Norfolk County Council' })
  councilName!: string;

  @ApiProperty({ enum: CAREER_STAGES, example: 'senior_practitioner' })
  careerStage!: CareerStage;

  @ApiProperty({ example: 1, description: 'PEPS stage: 0 none, 1 or 2.' })
  pepsStage!: number;

  @ApiProperty({ type: [String], example: ['child_protection', 'domestic_abuse'] })
  specialisms!: string[];
}

/** What every recommendation says: how well it fits, why, and when the worker worked it out. */
class RecommendationFit {
  @ApiProperty({ example: 83.33, description: 'Out of 100; how it is made up is in the reasons.' })
  score!: number;

  @ApiProperty({ type: [String], example: REASONS_EXAMPLE })
  reasons!: string[];

  @ApiProperty({ format: 'date-time', example: '2026-11-23T09:15:00.000+00:00' })
  computedAt!: string;
}

export class OpportunityRecommendationResponse extends RecommendationFit {
  @ApiProperty({ type: RecommendedPractitioner })
  practitioner!: RecommendedPractitioner;
}

export class RecommendedOpportunity {
  @ApiProperty({ format: 'uuid', example: '3d2c1b0a-9e8f-4a7b-8c6d-5e4f3a2b1c0d' })
  id!: string;

  @ApiProperty({ format: 'uuid', example: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d' })
  partnershipId!: string;

  @ApiProperty({ enum: OPPORTUNITY_TYPES, example: 'teaching' })
  type!: OpportunityType;

  @ApiProperty({ example: 'Child protection conferences: a practitioner’s view (BA year 2)' })
  title!: string;

  @ApiProperty({ format: 'date-time', example: '2027-01-14T10:00:00.000+00:00' })
  firstSessionAt!: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-18T17:00:00.000+00:00' })
  closesAt!: string;
}

export class MyRecommendationResponse extends RecommendationFit {
  @ApiProperty({ type: RecommendedOpportunity })
  opportunity!: RecommendedOpportunity;
}

export class MyRecommendationsPage {
  @ApiProperty({ type: [MyRecommendationResponse] })
  items!: MyRecommendationResponse[];

  @ApiProperty({ type: String, nullable: true, example: null, description: 'Pass as `cursor` for the next page; null on the last.' })
  nextCursor!: string | null;
}
