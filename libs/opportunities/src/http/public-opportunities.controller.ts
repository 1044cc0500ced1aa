import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, type Page, PageQuery, UuidParam } from '#libs/http';
import { Public } from '#libs/identity';
import { FindPublicOpportunitiesQuery } from '../queries/find-public-opportunities/find-public-opportunities.query.js';
import { PublicOpportunityPage, type PublicOpportunityResponse } from './public-opportunity.dto.js';

@ApiTags('public listing')
@Public()
@Controller('public/partnerships')
export class PublicOpportunitiesController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/opportunities')
  @ApiOperation({
    summary: 'The open opportunities of a partnership that lists publicly, soonest first, a page at a time (no sign-in)',
    description: 'Published and still taking applications. 404 for a partnership that does not list publicly, as for one that does not exist.',
  })
  @ApiOkResponse({ type: PublicOpportunityPage })
  @ApiProblems(400, 404)
  find(@UuidParam('id') id: string, @Query() params: PageQuery): Promise<Page<PublicOpportunityResponse>> {
    return this.queries.execute(new FindPublicOpportunitiesQuery(id, params));
  }
}
