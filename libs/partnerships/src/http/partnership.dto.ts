import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsIn, IsOptional, IsUUID } from 'class-validator';
import { EXAMPLE_CURSOR, PageQuery, PlainText } from '#libs/http';
import { ORGANISATION_TYPES, type OrganisationType } from '../domain/organisation-type.js';

export class FormPartnershipRequest {
  @ApiProperty({ example: 'Norfolk and Suffolk Social Work Teaching Partnership', maxLength: 200 })
  @PlainText(200)
  name!: string;

  @ApiPropertyOptional({ example: 'Councils and universities of Norfolk and Suffolk building a learning culture in social work.', maxLength: 2000 })
  @IsOptional()
  @PlainText(2000)
  description?: string;

  @ApiPropertyOptional({ example: ['a3f1c2d4-5b6e-4f70-8a91-b2c3d4e5f607'], type: [String], format: 'uuid', description: 'Member universities from the start.' })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayUnique()
  @ArrayMaxSize(50)
  universityIds?: string[];

  @ApiPropertyOptional({ example: ['c7d8e9f0-1a2b-4c3d-9e4f-5a6b7c8d9e0f'], type: [String], format: 'uuid', description: 'Member councils from the start.' })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayUnique()
  @ArrayMaxSize(50)
  councilIds?: string[];
}

export class AddPartnershipMemberRequest {
  @ApiProperty({ enum: ORGANISATION_TYPES, example: 'council' })
  @IsIn(ORGANISATION_TYPES)
  organisationType!: OrganisationType;

  @ApiProperty({ example: 'c7d8e9f0-1a2b-4c3d-9e4f-5a6b7c8d9e0f', format: 'uuid' })
  @IsUUID('all')
  organisationId!: string;
}

export class PartnershipMemberResponse {
  @ApiProperty({ enum: ORGANISATION_TYPES, example: 'council' })
  organisationType!: OrganisationType;

  @ApiProperty({ example: 'c7d8e9f0-1a2b-4c3d-9e4f-5a6b7c8d9e0f', format: 'uuid' })
  organisationId!: string;

  @ApiProperty({ example: 'Norfolk County Council' })
  name!: string;

  @ApiProperty({ example: '2026-11-23T09:30:00.000Z', format: 'date-time' })
  joinedAt!: string;
}

export class PartnershipLeadResponse {
  @ApiProperty({ example: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d', format: 'uuid' })
  userId!: string;

  @ApiProperty({ example: 'Alex Morgan' })
  displayName!: string;
}

export class AppointLeadRequest {
  @ApiProperty({ example: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d', format: 'uuid', description: 'A user whose role is partnership_lead.' })
  @IsUUID('all')
  userId!: string;
}

export class PartnershipResponse {
  @ApiProperty({ example: '5b0c7f6e-2d1a-4c9b-8e3f-1a2b3c4d5e6f', format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Norfolk and Suffolk Social Work Teaching Partnership' })
  name!: string;

  @ApiProperty({ example: 'Councils and universities of Norfolk and Suffolk building a learning culture in social work.', nullable: true, type: String })
  description!: string | null;

  @ApiProperty({ type: [PartnershipMemberResponse], description: 'Universities first, then councils, each by name.' })
  members!: PartnershipMemberResponse[];

  @ApiProperty({ type: [PartnershipLeadResponse] })
  leads!: PartnershipLeadResponse[];

  @ApiProperty({ example: '2026-11-23T09:30:00.000Z', format: 'date-time' })
  formedAt!: string;
}

export class PartnershipPage {
  @ApiProperty({ type: [PartnershipResponse] })
  items!: PartnershipResponse[];

  @ApiProperty({ example: EXAMPLE_CURSOR, nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last page.' })
  nextCursor!: string | null;
}

export class PartnershipListParams extends PageQuery {
  @ApiPropertyOptional({ example: 'c7d8e9f0-1a2b-4c3d-9e4f-5a6b7c8d9e0f', format: 'uuid', description: 'Only partnerships this university or council belongs to.' })
  @IsOptional()
  @IsUUID('all')
  organisationId?: string;
}

/** What anyone may read of a partnership that lists publicly: who is in it, not who leads it. */
export class PublicPartnershipResponse extends OmitType(PartnershipResponse, ['leads'] as const) {}

export class PublicPartnershipPage {
  @ApiProperty({ type: [PublicPartnershipResponse] })
  items!: PublicPartnershipResponse[];

  @ApiProperty({ example: EXAMPLE_CURSOR, nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last page.' })
  nextCursor!: string | null;
}
