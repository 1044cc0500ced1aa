import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, type Page, UuidParam } from '#libs/http';
import { ApiSignedIn, type Caller, CurrentCaller, Roles } from '#libs/identity';
import { RegisterUniversityCommand } from '../commands/register-organisation/register-organisation.command.js';
import { FindUniversitiesQuery } from '../queries/find-organisations/find-organisations.query.js';
import { GetUniversityQuery } from '../queries/get-organisation/get-organisation.query.js';
import { RegisterUniversityRequest, UniversityListParams, UniversityPage, UniversityResponse } from './university.dto.js';

@ApiTags('universities')
@ApiSignedIn()
@Controller('universities')
export class UniversitiesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Register a university', description: 'Emits `university.registered`.' })
  @ApiCreatedResponse({ type: UniversityResponse })
  @ApiProblems(400, 409)
  register(@Body() request: RegisterUniversityRequest, @CurrentCaller() caller: Caller): Promise<UniversityResponse> {
    return this.commands.execute(new RegisterUniversityCommand(request, caller.id));
  }

  @Get()
  @ApiOperation({ summary: 'List universities by name, a page at a time' })
  @ApiOkResponse({ type: UniversityPage })
  @ApiProblems(400)
  list(@Query() params: UniversityListParams): Promise<Page<UniversityResponse>> {
    return this.queries.execute(new FindUniversitiesQuery(params));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get one university' })
  @ApiOkResponse({ type: UniversityResponse })
  @ApiProblems(400, 404)
  get(@UuidParam('id') id: string): Promise<UniversityResponse> {
    return this.queries.execute(new GetUniversityQuery(id));
  }
}
