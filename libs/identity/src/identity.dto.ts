import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PlainText, Trimmed } from '#libs/http';
import { ROLES, type Role } from './role.js';

export class LoginRequest {
  @ApiProperty({ example: 'admin@example.org' })
  @Trimmed()
  @IsEmail()
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: 'development-admin-password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password: string;
}

export class TokenResponse {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <accessToken>`.' })
  accessToken: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType: 'Bearer';

  @ApiProperty({ example: 900, description: 'Seconds until the token expires.' })
  expiresIn: number;
}

export class MeResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'sam.taylor@norfolk.gov.uk' })
  email: string;

  @ApiProperty({ example: 'Sam Taylor' })
  displayName: string;

  @ApiProperty({ enum: ROLES })
  role: Role;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  universityId: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  councilId: string | null;

  @ApiProperty({ type: [String], description: 'The partnerships this person works in (all of them, for an admin, is shown as empty).' })
  partnershipIds: string[];
}

export class InviteUserRequest {
  @ApiProperty({ example: 'sam.taylor@norfolk.gov.uk' })
  @Trimmed()
  @IsEmail()
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: 'Sam Taylor', maxLength: 200 })
  @PlainText(200)
  displayName: string;

  @ApiProperty({ enum: ROLES, example: 'practitioner' })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for an academic: their university.' })
  @IsOptional()
  @IsUUID('all')
  universityId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for a practitioner: their council.' })
  @IsOptional()
  @IsUUID('all')
  councilId?: string;
}

export class InvitationResponse {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty()
  email: string;

  @ApiProperty({ enum: ROLES })
  role: Role;

  @ApiProperty({ description: 'Give this to the invitee: with it they choose their password (POST /api/invitations/accept).' })
  invitationToken: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;
}

export class AcceptInvitationRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token: string;

  @ApiProperty({ minLength: 12, maxLength: 200, description: 'At least 12 characters.' })
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password: string;
}
