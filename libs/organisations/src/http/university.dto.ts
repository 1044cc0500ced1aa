import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';
import { PlainText } from '#libs/http';
import { OrganisationListParams, OrganisationPage } from './organisation.dto.js';

export class RegisterUniversityRequest {
  @ApiProperty({ example: 'University of East Anglia', maxLength: 200 })
  @PlainText(200)
  name!: string;

  @ApiPropertyOptional({ example: 'UEA', maxLength: 30 })
  @IsOptional()
  @PlainText(30)
  shortName?: string;

  @ApiPropertyOptional({ example: 'https://www.uea.ac.uk', maxLength: 300 })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  website?: string;
}

export class UniversityResponse {
  @ApiProperty({ example: 'a3f1c2d4-5b6e-4f70-8a91-b2c3d4e5f607', format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'University of East Anglia' })
  name!: string;

  @ApiProperty({ example: 'UEA', nullable: true, type: String })
  shortName!: string | null;

  @ApiProperty({ example: 'https://www.uea.ac.uk', nullable: true, type: String })
  website!: string | null;

  @ApiProperty({ example: '2026-11-23T09:30:00.000Z', format: 'date-time' })
  registeredAt!: string;
}

export class UniversityPage extends OrganisationPage(UniversityResponse) {}

export class UniversityListParams extends OrganisationListParams({ plural: 'universities', exampleName: 'anglia' }) {}
