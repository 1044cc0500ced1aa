import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '#libs/http';

export class AuditParams extends PageQuery {
  @ApiPropertyOptional({ example: 'match.approved', description: 'Only events of this type, or of types starting with it followed by a dot (e.g. "match").' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/^[a-z_.]+$/, { message: 'type may contain only lower-case letters, _ and .' })
  type?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only what this person did.' })
  @IsOptional()
  @IsUUID('all')
  actorId?: string;
}

export class AuditEntry {
  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty({ example: 'match.approved' })
  type: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  actorId: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Alex Morgan' })
  actorName: string | null;

  @ApiProperty({ example: 'match' })
  recordType: string;

  @ApiProperty({ example: '8f0e4a7c-1b2d-4c3e-9f5a-6b7c8d9e0f1a' })
  recordId: string;

  @ApiProperty({ description: "What changed, as the event's payload carries it." })
  details: object;

  @ApiProperty({ description: 'Follows the request that caused it through the logs.' })
  correlationId: string;
}

export class AuditPage {
  @ApiProperty({ type: [AuditEntry] })
  items: AuditEntry[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}
