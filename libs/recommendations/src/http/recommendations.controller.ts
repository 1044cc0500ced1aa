import { Controller, Get, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, type Page, PageQuery, UuidParam } from '#libs/http';
import { ApiSignedIn, type Caller, CurrentCaller, Roles } from '#libs/identity';
import { MatchResponse, ProposeMatchCommand } from '#libs/matches';
import { MyRecommendationsQuery } from '../queries/my-recommendations/my-recommendations.query.js';
import { OpportunityRecommendationsQuery } from '../queries/opportunity-recommendations/opportunity-recommendations.query.js';
import { type MyRecommendationResponse, MyRecommendationsPage, OpportunityRecommendationResponse } from './recommendation.dto.js';

@ApiTags('recommendations')
@ApiSignedIn()
@Controller()
export class RecommendationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('opportunities/:id/recommendations')
  @ApiOperation({
    summary: 'The practitioners the matching worker ranks best for an opportunity, with scores and reasons',
    description: "For the opportunity's hosts and the partnership's leads. Kept while the opportunity is published and open.",
  })
  @ApiOkResponse({ type: [OpportunityRecommendationResponse] })
  @ApiProblems(400, 403, 404)
  forOpportunity(@UuidParam('id') id: string, @CurrentCaller() caller: Caller): Promise<OpportunityRecommendationResponse[]> {
    return this.queries.execute(new OpportunityRecommendationsQuery(id, caller));
  }

  @Post('opportunities/:id/recommendations/:practitionerId/match')
  @Roles('partnership_lead', 'admin')
  @ApiOperation({ summary: 'Propose a match straight from a recommendation', description: 'Emits `match.proposed`.' })
  @ApiCreatedResponse({ type: MatchResponse })
  @ApiProblems(400, 403, 404, 409)
  propose(
    @UuidParam('id') id: string,
    @UuidParam('practitionerId') practitionerId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<MatchResponse> {
    return this.commands.execute(new ProposeMatchCommand({ from: 'recommendation', opportunityId: id, practitionerId }, caller));
  }

  @Get('me/recommendations')
  @Roles('practitioner')
  @ApiOperation({ summary: 'Open opportunities recommended to the signed-in practitioner, best fit first' })
  @ApiOkResponse({ type: MyRecommendationsPage })
  @ApiProblems(400, 403)
  mine(@Query() query: PageQuery, @CurrentCaller() caller: Caller): Promise<Page<MyRecommendationResponse>> {
    return this.queries.execute(new MyRecommendationsQuery(caller, query.limit, query.cursor));
  }
}
