import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, type Page, UuidParam } from '#libs/http';
import { ApiSignedIn, type Caller, CurrentCaller, Roles } from '#libs/identity';
import { CancelOpportunityCommand } from '../commands/cancel-opportunity/cancel-opportunity.command.js';
import { CloseOpportunityCommand } from '../commands/close-opportunity/close-opportunity.command.js';
import { CompleteOpportunityCommand } from '../commands/complete-opportunity/complete-opportunity.command.js';
import { CreateOpportunityCommand } from '../commands/create-opportunity/create-opportunity.command.js';
import { PublishOpportunityCommand } from '../commands/publish-opportunity/publish-opportunity.command.js';
import { UpdateOpportunityCommand } from '../commands/update-opportunity/update-opportunity.command.js';
import { FindOpportunitiesQuery } from '../queries/find-opportunities/find-opportunities.query.js';
import { GetOpportunityQuery } from '../queries/get-opportunity/get-opportunity.query.js';
import { OpportunityListParams } from './find-opportunities.params.js';
import { CancelOpportunityRequest, CreateOpportunityRequest, OpportunityPage, OpportunityResponse, UpdateOpportunityRequest } from './opportunity.dto.js';

@ApiTags('opportunities')
@ApiSignedIn()
@Controller('opportunities')
export class OpportunitiesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Roles('academic', 'partnership_lead', 'admin')
  @ApiOperation({ summary: 'Create an opportunity as a draft', description: 'Emits `opportunity.drafted`.' })
  @ApiCreatedResponse({ type: OpportunityResponse })
  @ApiProblems(400, 404)
  create(@Body() request: CreateOpportunityRequest, @CurrentCaller() caller: Caller): Promise<OpportunityResponse> {
    return this.commands.execute(new CreateOpportunityCommand(request, caller));
  }

  @Get()
  @ApiOperation({
    summary: 'Find opportunities: filter, search words, sort, a page at a time',
    description: 'Practitioners see the published ones of their partnerships they could join; hosts and leads see their drafts too.',
  })
  @ApiOkResponse({ type: OpportunityPage })
  @ApiProblems(400)
  find(@Query() params: OpportunityListParams, @CurrentCaller() caller: Caller): Promise<Page<OpportunityResponse>> {
    return this.queries.execute(new FindOpportunitiesQuery(params, caller));
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Get one opportunity (drafts only for those who may change them)',
    description: "For a practitioner, `eligibility` says whether they may apply and why not: applying (POST /api/opportunities/{id}/applications) holds to the same rule.",
  })
  @ApiOkResponse({ type: OpportunityResponse })
  @ApiProblems(400, 404)
  get(@UuidParam('id') id: string, @CurrentCaller() caller: Caller): Promise<OpportunityResponse> {
    return this.queries.execute(new GetOpportunityQuery(id, caller));
  }

  @Put(':id')
  @ApiOperation({ summary: 'Change a draft or published opportunity, whole', description: 'Emits `opportunity.updated`.' })
  @ApiOkResponse({ type: OpportunityResponse })
  @ApiProblems(400, [403, "Only the host's academics and the partnership's leads change it."], 404, 409)
  update(@UuidParam('id') id: string, @Body() request: UpdateOpportunityRequest, @CurrentCaller() caller: Caller): Promise<OpportunityResponse> {
    return this.commands.execute(new UpdateOpportunityCommand(id, request, caller));
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish a draft: practitioners of the partnership can see it', description: 'Emits `opportunity.published`.' })
  @ApiOkResponse({ type: OpportunityResponse })
  @ApiProblems(400, [403, "Only the host's academics and the partnership's leads change it."], 404, 409)
  publish(@UuidParam('id') id: string, @CurrentCaller() caller: Caller): Promise<OpportunityResponse> {
    return this.commands.execute(new PublishOpportunityCommand(id, caller));
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close a published opportunity for applications', description: 'Emits `opportunity.closed`.' })
  @ApiOkResponse({ type: OpportunityResponse })
  @ApiProblems(400, [403, "Only the host's academics and the partnership's leads change it."], 404, 409)
  close(@UuidParam('id') id: string, @CurrentCaller() caller: Caller): Promise<OpportunityResponse> {
    return this.commands.execute(new CloseOpportunityCommand(id, caller));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel an opportunity, saying why', description: 'Emits `opportunity.cancelled`.' })
  @ApiOkResponse({ type: OpportunityResponse })
  @ApiProblems(400, [403, "Only the host's academics and the partnership's leads change it."], 404, 409)
  cancel(@UuidParam('id') id: string, @Body() request: CancelOpportunityRequest, @CurrentCaller() caller: Caller): Promise<OpportunityResponse> {
    return this.commands.execute(new CancelOpportunityCommand(id, caller, request.reason));
  }

  @Post(':id/complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark an opportunity as done', description: 'Emits `opportunity.completed`.' })
  @ApiOkResponse({ type: OpportunityResponse })
  @ApiProblems(400, [403, "Only the host's academics and the partnership's leads change it."], 404, 409)
  complete(@UuidParam('id') id: string, @CurrentCaller() caller: Caller): Promise<OpportunityResponse> {
    return this.commands.execute(new CompleteOpportunityCommand(id, caller));
  }
}
