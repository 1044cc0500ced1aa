import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { OPPORTUNITY_TYPES } from '#libs/opportunities';

export const FREQUENCIES = ['instant', 'daily', 'weekly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export class SubscriptionFilters {
  @ApiProperty({ enum: FREQUENCIES, description: 'instant: an email per new opportunity; daily at 07:00, weekly on Mondays at 07:00 (London time).' })
  @IsIn(FREQUENCIES)
  frequency: Frequency;

  @ApiPropertyOptional({ enum: OPPORTUNITY_TYPES, isArray: true, description: 'Only these types; none given: every type.' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(OPPORTUNITY_TYPES, { each: true })
  types?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Only opportunities hosted by these universities or councils.' })
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

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this partnership\'s opportunities.' })
  @IsOptional()
  @IsUUID()
  partnershipId?: string;
}

export class SubscribeRequest extends SubscriptionFilters {
  @ApiProperty({ example: 'sam@example.org' })
  @IsEmail()
  @MaxLength(254)
  email: string;
}

export class SubscriptionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: FREQUENCIES }) frequency: Frequency;
  @ApiProperty({ type: [String] }) types: string[];
  @ApiProperty({ type: [String] }) hostOrganisationIds: string[];
  @ApiProperty({ type: [String] }) specialisms: string[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) partnershipId: string | null;
  @ApiProperty({ enum: ['pending', 'confirmed', 'cancelled'] }) status: string;
}

export class SubscriptionRequested {
  @ApiProperty({ example: 'pending', description: 'Nothing is sent until the link in the confirmation email is used.' })
  status: 'pending';
}

export class EmailPreferences {
  @ApiProperty({ description: 'Applications to opportunities you host or lead.' })
  @IsBoolean()
  applications: boolean;

  @ApiProperty({ description: 'Matches to decide or approved for opportunities you host.' })
  @IsBoolean()
  matches: boolean;

  @ApiProperty({ description: 'Changes to opportunities you applied for, and when they fill.' })
  @IsBoolean()
  opportunity_changes: boolean;
}

export class SuppressionResponse {
  @ApiProperty() email: string;
  @ApiProperty({ example: 'hard_bounce' }) reason: string;
  @ApiProperty({ nullable: true, type: String }) smtpResponse: string | null;
  @ApiProperty() suppressedAt: string;
}
