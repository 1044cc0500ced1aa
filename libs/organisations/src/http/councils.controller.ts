import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, type Page, UuidParam } from '#libs/http';
import { ApiSignedIn, type Caller, CurrentCaller, Roles } from '#libs/identity';
import { RegisterCouncilCommand } from '../commands/register-organisation/register-organisation.command.js';
import { FindCouncilsQuery } from '../queries/find-organisations/find-organisations.query.js';
import { GetCouncilQuery } from '../queries/get-organisation/get-organisation.query.js';
import { CouncilListParams, CouncilPage, CouncilResponse, RegisterCouncilRequest } from './council.dto.js';

@ApiTags('councils')
@ApiSignedIn()
@Controller('councils')
export class CouncilsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Register a council', description: 'Emits `council.registered`.' })
  @ApiCreatedResponse({ type: CouncilResponse })
  @ApiProblems(400, 409)
  register(@Body() request: RegisterCouncilRequest, @CurrentCaller() caller: Caller): Promise<CouncilResponse> {
    return this.commands.execute(new RegisterCouncilCommand(request, caller.id));
  }

  @Get()
  @ApiOperation({ summary: 'List councils by name, a page at a time, by region or kind' })
  @ApiOkResponse({ type: CouncilPage })
  @ApiProblems(400)
  list(@Query() params: CouncilListParams): Promise<Page<CouncilResponse>> {
    return this.queries.execute(new FindCouncilsQuery(params));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get one council' })
  @ApiOkResponse({ type: CouncilResponse })
  @ApiProblems(400, 404)
  get(@UuidParam('id') id: string): Promise<CouncilResponse> {
    return this.queries.execute(new GetCouncilQuery(id));
  }
}
