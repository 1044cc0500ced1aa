import { ApiProperty } from '@nestjs/swagger';
import { PlainText } from '#libs/http';
import { PractitionerSummary } from '#libs/practitioners';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../domain/application.js';

export class ApplyRequest {
  @ApiProperty({ example: 'I have taught on the ASYE programme and would like to share recent child protection practice.', maxLength: 2000 })
  @PlainText(2000)
  statement!: string;
}

export class ApplicationResponse {
  @ApiProperty({ example: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f', format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b', format: 'uuid' })
  opportunityId!: string;

  @ApiProperty({ example: 'd1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6', format: 'uuid' })
  practitionerId!: string;

  @ApiProperty({ example: 'I run a court skills workshop for our newly qualified social workers and would like to teach it.' })
  statement!: string;

  @ApiProperty({ example: 'submitted', enum: APPLICATION_STATUSES })
  status!: ApplicationStatus;

  @ApiProperty({ example: '2027-02-10T14:05:00.000+00:00', format: 'date-time' })
  submittedAt!: string;

  @ApiProperty({ example: null, format: 'date-time', nullable: true, type: String })
  withdrawnAt!: string | null;
}

/** An application as the opportunity's hosts and leads see it: with who sent it. */
export class OpportunityApplicationResponse extends ApplicationResponse {
  @ApiProperty({ type: PractitionerSummary })
  applicant!: PractitionerSummary;
}
