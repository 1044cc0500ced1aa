import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { EXAMPLE_CURSOR, PageQuery } from '#libs/http';

export class AuditParams extends PageQuery {
  @ApiPropertyOptional({ example: 'match.approved', description: 'Only events of this type, or of types starting with it followed by a dot (e.g. "match").' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/^[a-z_.]+$/, { message: 'type may contain only lower-case letters, _ and .' })
  type?: string;

  @ApiPropertyOptional({ example: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d', format: 'uuid', description: 'Only what this person did.' })
  @IsOptional()
  @IsUUID('all')
  actorId?: string;

  @ApiPropertyOptional({ example: '8f0e4a7c-1b2d-4c3e-9f5a-6b7c8d9e0f1a', maxLength: 100, description: "Only the changes to this record (an entry's recordId: most are UUIDs, a specialism's is its code)." })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,100}$/, { message: 'recordId must be a record id: up to 100 letters, digits, _ and -' })
  recordId?: string;
}

export class AuditEntry {
  @ApiProperty({ example: 'f47ac10b-58cc-4372-a567-0e02b2c3d479', format: 'uuid' })
  eventId!: string;

  @ApiProperty({ example: 'match.approved' })
  type!: string;

  @ApiProperty({ example: '2027-02-13T16:40:00.000+00:00', format: 'date-time' })
  occurredAt!: string;

  @ApiProperty({ example: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d', format: 'uuid', nullable: true, type: String })
  actorId!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Alex Morgan' })
  actorName!: string | null;

  @ApiProperty({ example: 'match' })
  recordType!: string;

  @ApiProperty({ example: '8f0e4a7c-1b2d-4c3e-9f5a-6b7c8d9e0f1a' })
  recordId!: string;

  @ApiProperty({ example: { matchId: '8f0e4a7c-1b2d-4c3e-9f5a-6b7c8d9e0f1a', opportunityId: '0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b', practitionerId: 'd1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6', applicationId: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f', note: null }, description: "What changed, as the event's payload carries it." })
  details!: object;

  @ApiProperty({ example: '7c9e6679-7425-40de-944b-e07fc1f90ae7', description: 'Follows the request that caused it through the logs.' })
  correlationId!: string;
}

export class AuditPage {
  @ApiProperty({ type: [AuditEntry] })
  items!: AuditEntry[];

  @ApiProperty({ example: EXAMPLE_CURSOR, nullable: true, type: String })
  nextCursor!: string | null;
}

export class AuditActor {
  @ApiProperty({ example: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d', format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Alex Morgan' })
  displayName!: string;
}
