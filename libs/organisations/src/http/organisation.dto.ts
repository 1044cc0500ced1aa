import type { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { EXAMPLE_CURSOR, PageQuery, PlainText } from '#libs/http';

/** A page of one type of organisation: `class UniversityPage extends OrganisationPage(UniversityResponse) {}`. */
export function OrganisationPage<Shown>(shown: Type<Shown>) {
  class Page {
    @ApiProperty({ type: [shown] })
    items!: Shown[];

    @ApiProperty({ example: EXAMPLE_CURSOR, nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last page.' })
    nextCursor!: string | null;
  }
  return Page;
}

/** The paging and name filter of one type's list, documented with its words; a type adds its own filters. */
export function OrganisationListParams({ plural, exampleName }: { plural: string; exampleName: string }) {
  class ListParams extends PageQuery {
    @ApiPropertyOptional({ description: `Only ${plural} whose name contains this (any case).`, example: exampleName })
    @IsOptional()
    @PlainText(200)
    name?: string;
  }
  return ListParams;
}
