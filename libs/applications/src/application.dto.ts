import { ApiProperty } from '@nestjs/swagger';
import { PlainText } from '#libs/http';
import { APPLICATION_STATUSES, type ApplicationStatus } from './application.entity.js';

export class ApplyRequest {
  @ApiProperty({ example: 'I have taught on the ASYE programme and would like to share recent child protection practice.', maxLength: 2000 })
  @PlainText(2000)
  statement: string;
}

export class ApplicationResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  opportunityId: string;

  @ApiProperty({ format: 'uuid' })
  practitionerId: string;

  @ApiProperty()
  statement: string;

  @ApiProperty({ enum: APPLICATION_STATUSES })
  status: ApplicationStatus;

  @ApiProperty({ format: 'date-time' })
  submittedAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  withdrawnAt: string | null;
}
