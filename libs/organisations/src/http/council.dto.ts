import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PlainText } from '#libs/http';
import { COUNCIL_KINDS, type CouncilKind, ENGLISH_REGIONS, type EnglishRegion } from '../domain/council.js';
import { OrganisationListParams, OrganisationPage } from './organisation.dto.js';

export class RegisterCouncilRequest {
  @ApiProperty({ example: 'Norfolk County Council', maxLength: 200 })
  @PlainText(200)
  name!: string;

  @ApiProperty({ enum: COUNCIL_KINDS, example: 'county' })
  @IsIn(COUNCIL_KINDS)
  kind!: CouncilKind;

  @ApiProperty({ enum: ENGLISH_REGIONS, example: 'east_of_england' })
  @IsIn(ENGLISH_REGIONS)
  region!: EnglishRegion;
}

export class CouncilResponse {
  @ApiProperty({ example: 'c7d8e9f0-1a2b-4c3d-9e4f-5a6b7c8d9e0f', format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Norfolk County Council' })
  name!: string;

  @ApiProperty({ enum: COUNCIL_KINDS, example: 'county' })
  kind!: CouncilKind;

  @ApiProperty({ enum: ENGLISH_REGIONS, example: 'east_of_england' })
  region!: EnglishRegion;

  @ApiProperty({ example: '2026-11-23T09:30:00.000Z', format: 'date-time' })
  registeredAt!: string;
}

export class CouncilPage extends OrganisationPage(CouncilResponse) {}

export class CouncilListParams extends OrganisationListParams({ plural: 'councils', exampleName: 'norfolk' }) {
  @ApiPropertyOptional({ example: 'east_of_england', enum: ENGLISH_REGIONS })
  @IsOptional()
  @IsIn(ENGLISH_REGIONS)
  region?: EnglishRegion;

  @ApiPropertyOptional({ example: 'county', enum: COUNCIL_KINDS })
  @IsOptional()
  @IsIn(COUNCIL_KINDS)
  kind?: CouncilKind;
}
