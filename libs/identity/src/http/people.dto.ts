import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { EXAMPLE_CURSOR, PageQuery, PlainText } from '#libs/http';
import { ROLES, type Role } from '../domain/role.js';

/** Invited: their invitation is open. Expired: it ran out unused. Active: they chose a password. */
const PERSON_STATUSES = ['invited', 'expired', 'active'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

export class PeopleListParams extends PageQuery {
  @ApiPropertyOptional({ enum: ROLES, example: 'academic' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ enum: PERSON_STATUSES, example: 'invited', description: 'invited and expired are the invitations not yet accepted.' })
  @IsOptional()
  @IsIn(PERSON_STATUSES)
  status?: PersonStatus;

  @ApiPropertyOptional({ format: 'uuid', example: 'a3f1c2d4-5b6e-4f70-8a91-b2c3d4e5f607', description: 'Only the people of this university or council.' })
  @IsOptional()
  @IsUUID('all')
  organisationId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    example: '5b0c7f6e-2d1a-4c9b-8e3f-1a2b3c4d5e6f',
    description: "Only the people of this partnership's member organisations, and its leads (404 for a partnership the caller does not lead).",
  })
  @IsOptional()
  @IsUUID('all')
  partnershipId?: string;

  @ApiPropertyOptional({ example: 'taylor', description: 'Only people whose name or email contains this (any case).' })
  @IsOptional()
  @PlainText(200)
  q?: string;
}

export class PersonOrganisation {
  @ApiProperty({ enum: ['university', 'council'], example: 'council' })
  type!: 'university' | 'council';

  @ApiProperty({ format: 'uuid', example: 'c7d8e9f0-1a2b-4c3d-9e4f-5a6b7c8d9e0f' })
  id!: string;

  @ApiProperty({ example: 'Norfolk County Council' })
  name!: string;
}

export class PersonInvitation {
  @ApiProperty({ format: 'uuid', example: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0', description: 'Re-send with POST /api/invitations/{id}/resend; withdraw with DELETE /api/invitations/{id}.' })
  id!: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-23T09:30:00.000+00:00', description: 'When this invitation (or its last re-send) went out.' })
  sentAt!: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-30T09:30:00.000+00:00' })
  expiresAt!: string;
}

export class PersonResponse {
  @ApiProperty({ format: 'uuid', example: 'd1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6' })
  id!: string;

  @ApiProperty({ example: 'Sam Taylor' })
  displayName!: string;

  @ApiProperty({ example: 'sam.taylor@norfolk.gov.uk' })
  email!: string;

  @ApiProperty({ enum: ROLES, example: 'practitioner' })
  role!: Role;

  @ApiProperty({ type: PersonOrganisation, nullable: true, description: "An academic's university or a practitioner's council; null for admins and leads." })
  organisation!: PersonOrganisation | null;

  @ApiProperty({ enum: PERSON_STATUSES, example: 'active' })
  status!: PersonStatus;

  @ApiProperty({ format: 'date-time', example: '2026-11-23T09:30:00.000+00:00', description: 'When they were first invited (or, for the first admin, set up).' })
  invitedAt!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: '2026-11-24T10:05:00.000+00:00', description: 'When they accepted their invitation; null until then.' })
  activatedAt!: string | null;

  @ApiProperty({ type: PersonInvitation, nullable: true, description: 'The invitation not yet accepted; null once they are active.' })
  invitation!: PersonInvitation | null;
}

export class PeoplePage {
  @ApiProperty({ type: [PersonResponse] })
  items!: PersonResponse[];

  @ApiProperty({ example: EXAMPLE_CURSOR, nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last page.' })
  nextCursor!: string | null;
}
