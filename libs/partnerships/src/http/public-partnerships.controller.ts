import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, type Page, PageQuery, UuidParam } from '#libs/http';
import { Public } from '#libs/identity';
import { FindPublicPartnershipsQuery } from '../queries/find-public-partnerships/find-public-partnerships.query.js';
import { GetPublicPartnershipQuery } from '../queries/get-public-partnership/get-public-partnership.query.js';
import { PublicPartnershipPage, PublicPartnershipResponse } from './partnership.dto.js';

/** What a partnership that chose to list publicly shows to anyone, signed in or not. */
@ApiTags('public listing')
@Public()
@Controller('public/partnerships')
export class PublicPartnershipsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'The partnerships that list their opportunities publicly, by name, a page at a time (no sign-in)' })
  @ApiOkResponse({ type: PublicPartnershipPage })
  @ApiProblems(400)
  find(@Query() params: PageQuery): Promise<Page<PublicPartnershipResponse>> {
    return this.queries.execute(new FindPublicPartnershipsQuery(params));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One partnership that lists publicly, with its members (no sign-in; 404 for one that does not list publicly)' })
  @ApiOkResponse({ type: PublicPartnershipResponse })
  @ApiProblems(400, 404)
  get(@UuidParam('id') id: string): Promise<PublicPartnershipResponse> {
    return this.queries.execute(new GetPublicPartnershipQuery(id));
  }
}
