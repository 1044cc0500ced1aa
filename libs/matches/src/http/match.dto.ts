import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PlainText } from '#libs/http';
import { PractitionerSummary } from '#libs/practitioners';
import { MATCH_STATUSES, type MatchStatus } from '../domain/match.js';

export class ProposeMatchRequest {
  @ApiProperty({ example: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f', format: 'uuid', description: 'The application the match is made from.' })
  @IsUUID('all')
  applicationId!: string;
}

export class DecideMatchRequest {
  @ApiPropertyOptional({ example: 'Thank you: your experience in court work fits this well.', maxLength: 1000 })
  @IsOptional()
  @PlainText(1000)
  note?: string;
}

export class MatchResponse {
  @ApiProperty({ example: '8f0e4a7c-1b2d-4c3e-9f5a-6b7c8d9e0f1a', format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b', format: 'uuid' })
  opportunityId!: string;

  @ApiProperty({ example: 'd1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6', format: 'uuid' })
  practitionerId!: string;

  @ApiProperty({ example: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f', format: 'uuid', nullable: true, type: String })
  applicationId!: string | null;

  @ApiProperty({ example: 'approved', enum: MATCH_STATUSES })
  status!: MatchStatus;

  @ApiProperty({ example: 'Thank you: your experience in court work fits this well.', nullable: true, type: String })
  note!: string | null;

  @ApiProperty({ example: '2027-02-12T09:15:00.000+00:00', format: 'date-time' })
  proposedAt!: string;

  @ApiProperty({ example: '2027-02-13T16:40:00.000+00:00', format: 'date-time', nullable: true, type: String })
  decidedAt!: string | null;
}

/** A match as the opportunity's hosts and leads see it: with who it is. */
export class OpportunityMatchResponse extends MatchResponse {
  @ApiProperty({ type: PractitionerSummary })
  practitioner!: PractitionerSummary;
}
