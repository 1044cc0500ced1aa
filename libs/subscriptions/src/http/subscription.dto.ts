import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { OPPORTUNITY_TYPES } from '#libs/opportunities';

const FREQUENCIES = ['instant', 'daily', 'weekly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export class SubscriptionFilters {
  @ApiProperty({ enum: FREQUENCIES, example: 'daily', description: 'instant: an email per new opportunity; daily at 07:00, weekly on Mondays at 07:00 (London time).' })
  @IsIn(FREQUENCIES)
  frequency!: Frequency;

  @ApiPropertyOptional({ enum: OPPORTUNITY_TYPES, isArray: true, example: ['teaching'], description: 'Only these types; none given: every type.' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(OPPORTUNITY_TYPES, { each: true })
  types?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', example: ['7b6a5f4e-3d2c-4b1a-9f8e-7d6c5b4a3f2e'], description: 'Only opportunities hosted by these universities or councils.' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  hostOrganisationIds?: string[];

  @ApiPropertyOptional({ type: [String], example: ['safeguarding'], description: 'Only opportunities asking for at least one of these specialisms.' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Matches(/^[a-z0-9_]{1,60}$/, { each: true, message: 'each specialism must be a specialism code' })
  specialisms?: string[];

  @ApiPropertyOptional({ format: 'uuid', example: '2c4e6a8b-0d1f-4a3c-9e5b-7d9f1b3d5f7a', description: 'Only this partnership\'s opportunities.' })
  @IsOptional()
  @IsUUID()
  partnershipId?: string;
}

export class SubscribeRequest extends SubscriptionFilters {
  @ApiProperty({ example: 'sam@example.org' })
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

export class SubscriptionResponse {
  @ApiProperty({ format: 'uuid', example: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b' }) id!: string;
  @ApiProperty({ example: 'sam@example.org' }) email!: string;
  @ApiProperty({ enum: FREQUENCIES, example: 'weekly' }) frequency!: Frequency;
  @ApiProperty({ type: [String], example: ['teaching', 'research'] }) types!: string[];
  @ApiProperty({ type: [String], example: ['7b6a5f4e-3d2c-4b1a-9f8e-7d6c5b4a3f2e'] }) hostOrganisationIds!: string[];
  @ApiProperty({ type: [String], example: ['safeguarding'] }) specialisms!: string[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: null }) partnershipId!: string | null;
  @ApiProperty({ enum: ['pending', 'confirmed', 'cancelled'], example: 'confirmed' }) status!: string;
}

export class SubscriptionRequested {
  @ApiProperty({ example: 'pending', description: 'Nothing is sent until the link in the confirmation email is used.' })
  status!: 'pending';
}

export class LinkActionResponse {
  @ApiProperty({ enum: ['confirmed', 'unsubscribed'], example: 'unsubscribed' })
  status!: 'confirmed' | 'unsubscribed';
}

export class DigestRunQueued {
  @ApiProperty({ example: 'requested-daily-1795417200000', description: 'The run job on the notification-digests queue (see /api/admin/queues).' })
  jobId!: string;
}

export class EmailPreferences {
  @ApiProperty({ description: 'Applications to opportunities you host or lead.', example: true })
  @IsBoolean()
  applications!: boolean;

  @ApiProperty({ description: 'Matches to decide or approved for opportunities you host.', example: true })
  @IsBoolean()
  matches!: boolean;

  @ApiProperty({ description: 'Changes to opportunities you applied for, and when they fill.', example: false })
  @IsBoolean()
  opportunity_changes!: boolean;

  @ApiPropertyOptional({
    description: 'Practitioners: "recommended for you" when the matching puts you among the best fits (a few a week at most). Off until you turn it on; left as it is when not sent.',
    example: true,
  })
  @IsOptional()
  @IsBoolean()
  recommendations?: boolean;
}

export class SuppressionResponse {
  @ApiProperty({ example: 'gone@example.org' }) email!: string;
  @ApiProperty({ example: 'hard_bounce' }) reason!: string;
  @ApiProperty({ nullable: true, type: String, example: '550 No such user' }) smtpResponse!: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-11-24T07:00:03.120+00:00', description: 'As the clock read in Europe/London, with the offset.' })
  suppressedAt!: string;
}

export class SuppressionParams {
  @ApiProperty({ example: 'gone@example.org', description: 'The suppressed address (any case).' })
  @IsEmail()
  @MaxLength(320)
  email!: string;
}
