import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery, PlainText } from '#libs/http';
import { ORGANISATION_TYPES, type OrganisationType } from './partnership-member.entity.js';

export class FormPartnershipRequest {
  @ApiProperty({ example: 'Norfolk and Suffolk Social Work Teaching Partnership', maxLength: 200 })
  @PlainText(200)
  name: string;

  @ApiPropertyOptional({ example: 'Councils and universities of Norfolk and Suffolk building a learning culture in social work.', maxLength: 2000 })
  @IsOptional()
  @PlainText(2000)
  description?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Member universities from the start.' })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayUnique()
  @ArrayMaxSize(50)
  universityIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Member councils from the start.' })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayUnique()
  @ArrayMaxSize(50)
  councilIds?: string[];
}

export class AddPartnershipMemberRequest {
  @ApiProperty({ enum: ORGANISATION_TYPES, example: 'council' })
  @IsIn(ORGANISATION_TYPES)
  organisationType: OrganisationType;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  organisationId: string;
}

export class PartnershipMemberResponse {
  @ApiProperty({ enum: ORGANISATION_TYPES, example: 'council' })
  organisationType: OrganisationType;

  @ApiProperty({ format: 'uuid' })
  organisationId: string;

  @ApiProperty({ example: 'Norfolk County Council' })
  name: string;

  @ApiProperty({ example: '2026-11-23T09:30:00.000Z', format: 'date-time' })
  joinedAt: string;
}

export class PartnershipLeadResponse {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty({ example: 'Alex Morgan' })
  displayName: string;
}

export class AppointLeadRequest {
  @ApiProperty({ format: 'uuid', description: 'A user whose role is partnership_lead.' })
  @IsUUID('all')
  userId: string;
}

export class PartnershipResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Norfolk and Suffolk Social Work Teaching Partnership' })
  name: string;

  @ApiProperty({ nullable: true, type: String })
  description: string | null;

  @ApiProperty({ type: [PartnershipMemberResponse], description: 'Universities first, then councils, each by name.' })
  members: PartnershipMemberResponse[];

  @ApiProperty({ type: [PartnershipLeadResponse] })
  leads: PartnershipLeadResponse[];

  @ApiProperty({ example: '2026-11-23T09:30:00.000Z', format: 'date-time' })
  formedAt: string;
}

export class PartnershipPage {
  @ApiProperty({ type: [PartnershipResponse] })
  items: PartnershipResponse[];

  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last page.' })
  nextCursor: string | null;
}

export class PartnershipListParams extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only partnerships this university or council belongs to.' })
  @IsOptional()
  @IsUUID('all')
  organisationId?: string;
}
