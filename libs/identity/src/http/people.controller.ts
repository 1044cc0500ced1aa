import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, type Page, UuidParam } from '#libs/http';
import type { Caller } from '../domain/caller.js';
import { FindPeopleQuery } from '../queries/find-people/find-people.query.js';
import { GetPersonQuery } from '../queries/get-person/get-person.query.js';
import { ApiSignedIn, CurrentCaller, Roles } from './access.decorators.js';
import { PeopleListParams, PeoplePage, PersonResponse } from './people.dto.js';

@ApiTags('identity')
@ApiSignedIn()
@Controller('people')
export class PeopleController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('admin', 'partnership_lead')
  @ApiOperation({
    summary: 'List people by name, a page at a time, with where their invitation stands',
    description:
      "Admins see everyone; a partnership lead sees the people of the organisations in the partnerships they lead, and those partnerships' leads. " +
      'Invitations not yet accepted are the people whose status is invited or expired; each carries its invitation.',
  })
  @ApiOkResponse({ type: PeoplePage })
  @ApiProblems(400, 404)
  list(@Query() params: PeopleListParams, @CurrentCaller() caller: Caller): Promise<Page<PersonResponse>> {
    return this.queries.execute(new FindPeopleQuery(params, caller));
  }

  @Get(':id')
  @Roles('admin', 'partnership_lead')
  @ApiOperation({ summary: 'Get one person, with where their invitation stands (404 for someone outside the caller\'s partnerships)' })
  @ApiOkResponse({ type: PersonResponse })
  @ApiProblems(400, 404)
  get(@UuidParam('id') id: string, @CurrentCaller() caller: Caller): Promise<PersonResponse> {
    return this.queries.execute(new GetPersonQuery(id, caller));
  }
}
