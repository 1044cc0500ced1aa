import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, UuidParam } from '#libs/http';
import { ApiSignedIn, type Caller, CurrentCaller, Roles } from '#libs/identity';
import { ApplyCommand } from '../commands/apply/apply.command.js';
import { WithdrawApplicationCommand } from '../commands/withdraw-application/withdraw-application.command.js';
import { MyApplicationsQuery } from '../queries/my-applications/my-applications.query.js';
import { OpportunityApplicationsQuery } from '../queries/opportunity-applications/opportunity-applications.query.js';
import { ApplicationResponse, ApplyRequest, OpportunityApplicationResponse } from './application.dto.js';

@ApiTags('applications')
@ApiSignedIn()
@Controller()
export class ApplicationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('opportunities/:id/applications')
  @Roles('practitioner')
  @ApiOperation({
    summary: 'Apply to an opportunity with a short statement',
    description: "Held to the rule behind the opportunity's `eligibility` (GET /api/opportunities/{id}): refused for any of its reasons. Emits `application.submitted`.",
  })
  @ApiCreatedResponse({ type: ApplicationResponse })
  @ApiProblems(
    400,
    404,
    [409, 'Already applied (withdrawn included), or the opportunity takes no applications (closed, past its closing date, cancelled, no place left).'],
    [422, 'The practitioner is not eligible (career stage, PEPS stage), or has no profile yet.'],
  )
  apply(@UuidParam('id') id: string, @Body() request: ApplyRequest, @CurrentCaller() caller: Caller): Promise<ApplicationResponse> {
    return this.commands.execute(new ApplyCommand(id, request.statement, caller));
  }

  @Get('opportunities/:id/applications')
  @ApiOperation({ summary: "An opportunity's applications, for its hosts and the partnership's leads" })
  @ApiOkResponse({ type: [OpportunityApplicationResponse] })
  @ApiProblems(400, [403, "Only the opportunity's hosts and the partnership's leads see its applications."], 404)
  listForOpportunity(@UuidParam('id') id: string, @CurrentCaller() caller: Caller): Promise<OpportunityApplicationResponse[]> {
    return this.queries.execute(new OpportunityApplicationsQuery(id, caller));
  }

  @Get('me/applications')
  @Roles('practitioner')
  @ApiOperation({ summary: "The signed-in practitioner's applications, newest first" })
  @ApiOkResponse({ type: [ApplicationResponse] })
  mine(@CurrentCaller() caller: Caller): Promise<ApplicationResponse[]> {
    return this.queries.execute(new MyApplicationsQuery(caller.id));
  }

  @Post('applications/:id/withdraw')
  @Roles('practitioner')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw your application', description: 'Emits `application.withdrawn`.' })
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiProblems(400, 404, 409)
  withdraw(@UuidParam('id') id: string, @CurrentCaller() caller: Caller): Promise<ApplicationResponse> {
    return this.commands.execute(new WithdrawApplicationCommand(id, caller));
  }
}
