import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, ValidateIf } from 'class-validator';

/** How a partnership chooses to work; its leads change it. */
export class PartnershipSettings {
  @ApiProperty({ example: false, description: "Whether the host university's academics may propose matches from applications, as well as the leads." })
  academicsMayProposeMatches!: boolean;

  @ApiProperty({ example: false, description: 'Whether anyone, signed in or not, may see its open opportunities and get email alerts of them.' })
  listsPublicly!: boolean;
}

/** The settings to change; those left out stay as they are. */
export class ChangePartnershipSettingsRequest {
  @ApiPropertyOptional({ example: true, description: "Let the host university's academics propose matches from applications." })
  // Left out means unchanged; null is not a value this setting can take.
  @ValidateIf((_, value) => value !== undefined)
  @IsBoolean()
  academicsMayProposeMatches?: boolean;

  @ApiPropertyOptional({ example: true, description: 'List its open opportunities publicly: on a page anyone can read, and in email alerts to addresses without an account.' })
  @ValidateIf((_, value) => value !== undefined)
  @IsBoolean()
  listsPublicly?: boolean;
}

export const SETTING_NAMES = ['academicsMayProposeMatches', 'listsPublicly'] as const satisfies readonly (keyof PartnershipSettings)[];
