import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PlainText, Trimmed } from '#libs/http';
import { ROLES, type Role } from '../domain/role.js';

// A made-up value of the real shape (43 base64url characters); it has never been a token.
const REFRESH_TOKEN_EXAMPLE = 'bm90LWEtcmVhbC10b2tlbi1qdXN0LWFuLWV4YW1wbGU';

export class LoginRequest {
  @ApiProperty({ example: 'sam.taylor@norfolk.gov.uk' })
  @Trimmed()
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'an example password, not a real one' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password!: string;
}

export class TokenResponse {
  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJkMWUyZjNhNCJ9.c2lnbmF0dXJl', description: 'Send as `Authorization: Bearer <accessToken>`.' })
  accessToken!: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType!: 'Bearer';

  @ApiProperty({ example: 900, description: 'Seconds until the token expires.' })
  expiresIn!: number;

  @ApiProperty({
    example: REFRESH_TOKEN_EXAMPLE,
    description: 'Opaque; keep it secret. Send it to POST /api/auth/refresh for a new access token (and a new refresh token: each one works once).',
  })
  refreshToken!: string;

  @ApiProperty({ example: 28800, description: 'Seconds until the refresh token expires, unused. No refresh token outlives its sign-in.' })
  refreshExpiresIn!: number;
}

export class RefreshRequest {
  @ApiProperty({ example: REFRESH_TOKEN_EXAMPLE, maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken!: string;
}

export class MeResponse {
  @ApiProperty({ example: 'd1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6', format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'sam.taylor@norfolk.gov.uk' })
  email!: string;

  @ApiProperty({ example: 'Sam Taylor' })
  displayName!: string;

  @ApiProperty({ example: 'practitioner', enum: ROLES })
  role!: Role;

  @ApiProperty({ example: null, format: 'uuid', nullable: true, type: String })
  universityId!: string | null;

  @ApiProperty({ example: 'c7d8e9f0-1a2b-4c3d-9e4f-5a6b7c8d9e0f', format: 'uuid', nullable: true, type: String })
  councilId!: string | null;

  @ApiProperty({ example: ['5b0c7f6e-2d1a-4c9b-8e3f-1a2b3c4d5e6f'], type: [String], description: 'The partnerships this person works in (all of them, for an admin, is shown as empty).' })
  partnershipIds!: string[];
}

export class InviteUserRequest {
  @ApiProperty({ example: 'sam.taylor@norfolk.gov.uk' })
  @Trimmed()
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'Sam Taylor', maxLength: 200 })
  @PlainText(200)
  displayName!: string;

  @ApiProperty({ enum: ROLES, example: 'practitioner' })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({ example: 'a3f1c2d4-5b6e-4f70-8a91-b2c3d4e5f607', format: 'uuid', description: 'Required for an academic: their university.' })
  @IsOptional()
  @IsUUID('all')
  universityId?: string;

  @ApiPropertyOptional({ example: 'c7d8e9f0-1a2b-4c3d-9e4f-5a6b7c8d9e0f', format: 'uuid', description: 'Required for a practitioner: their council.' })
  @IsOptional()
  @IsUUID('all')
  councilId?: string;
}

export class InvitationResponse {
  @ApiProperty({ example: 'd1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6', format: 'uuid' })
  userId!: string;

  @ApiProperty({ example: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0', format: 'uuid', description: 'Re-send with POST /api/invitations/{id}/resend; withdraw with DELETE /api/invitations/{id}.' })
  invitationId!: string;

  @ApiProperty({ example: 'sam.taylor@norfolk.gov.uk' })
  email!: string;

  @ApiProperty({ example: 'practitioner', enum: ROLES })
  role!: Role;

  @ApiProperty({ example: 'Qm9vdHN0cmFwLXRva2VuLWV4YW1wbGUtMTIzNDU2', description: 'Give this to the invitee: with it they choose their password (POST /api/invitations/accept).' })
  invitationToken!: string;

  @ApiProperty({ example: '2026-11-30T09:30:00.000+00:00', format: 'date-time' })
  expiresAt!: string;
}

/** The rules of a password a person chooses, whether from an invitation or a reset link. */
const ChosenPassword = (): PropertyDecorator => (target, property) => {
  ApiProperty({ example: 'correct horse battery staple', minLength: 12, maxLength: 200, description: 'At least 12 characters.' })(target, property);
  IsString()(target, property);
  MinLength(12)(target, property);
  MaxLength(200)(target, property);
};

export class AcceptInvitationRequest {
  @ApiProperty({ example: 'Qm9vdHN0cmFwLXRva2VuLWV4YW1wbGUtMTIzNDU2' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token!: string;

  @ChosenPassword()
  password!: string;
}

export class PasswordResetRequest {
  @ApiProperty({ example: 'sam.taylor@norfolk.gov.uk' })
  @Trimmed()
  @IsEmail()
  @MaxLength(320)
  email!: string;
}

export class PasswordResetRequestedResponse {
  @ApiProperty({ example: 'If an account has this email address, a link to choose a new password has been sent to it.', description: 'The same whether or not the address has an account.' })
  detail!: string;
}

export class PasswordResetTokenRequest {
  @ApiProperty({ example: 'UmVzZXQtdG9rZW4tZXhhbXBsZS1ub3QtcmVhbC0xMjM0NTY', maxLength: 200, description: 'The token from the link in the email.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token!: string;
}

export class CompletePasswordResetRequest extends PasswordResetTokenRequest {
  @ChosenPassword()
  password!: string;
}

export class PasswordChangedResponse {
  @ApiProperty({ example: 'Your password has been changed. Sign in with the new one.' })
  detail!: string;
}
