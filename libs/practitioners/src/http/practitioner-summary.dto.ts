import { ApiProperty } from '@nestjs/swagger';
import { CAREER_STAGES, type CareerStage } from '../domain/practitioner.js';

/** Who a practitioner is, as an opportunity's hosts and leads see them in its applications and matches. */
export class PractitionerSummary {
  @ApiProperty({ example: 'd1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6', format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Sam Taylor' })
  displayName!: string;

  @ApiProperty({ example: 'Norfolk County Council', nullable: true, type: String, description: 'Null if they no longer work for a council.' })
  councilName!: string | null;

  @ApiProperty({ example: 'senior_practitioner', enum: CAREER_STAGES, nullable: true, type: String, description: 'Null until they complete their profile.' })
  careerStage!: CareerStage | null;

  @ApiProperty({ example: 1, nullable: true, type: Number, description: 'PEPS stage: 0 none, 1 or 2; null until they complete their profile.' })
  pepsStage!: number | null;

  @ApiProperty({ example: ['child_protection'], type: [String], description: 'Empty until they complete their profile.' })
  specialisms!: string[];
}
