import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PlainText } from '#libs/http';
import { MATCH_STATUSES, type MatchStatus } from './match.entity.js';

export class ProposeMatchRequest {
  @ApiProperty({ format: 'uuid', description: 'The application the match is made from.' })
  @IsUUID('all')
  applicationId: string;
}

export class DecideMatchRequest {
  @ApiPropertyOptional({ example: 'Thank you: your experience in court work fits this well.', maxLength: 1000 })
  @IsOptional()
  @PlainText(1000)
  note?: string;
}

export class MatchResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  opportunityId: string;

  @ApiProperty({ format: 'uuid' })
  practitionerId: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  applicationId: string | null;

  @ApiProperty({ enum: MATCH_STATUSES })
  status: MatchStatus;

  @ApiProperty({ nullable: true, type: String })
  note: string | null;

  @ApiProperty({ format: 'date-time' })
  proposedAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  decidedAt: string | null;
}
