import { Body, Controller, ForbiddenException, Get, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApiProblems, UuidParam } from '#libs/http';
import { ApiSignedIn, type Caller, CurrentCaller, Roles } from '#libs/identity';
import { canChange, visibleOpportunity } from '#libs/opportunities';
import { practitionerSummaries } from '#libs/practitioners';
import { ApplyCommand } from '../commands/apply/apply.command.js';
import { WithdrawApplicationCommand } from '../commands/withdraw-application/withdraw-application.command.js';
import { Application } from '../persistence/application.entity.js';
import { ApplicationResponse, ApplyRequest, OpportunityApplicationResponse } from './application.dto.js';
import { toApplicationResponse } from './application.mapper.js';

@ApiTags('applications')
@ApiSignedIn()
@Controller()
export class ApplicationsController {
  constructor(
    private readonly commands: CommandBus,
    @InjectDataSource() private readonly dataSource: DataSource,
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
  async listForOpportunity(@UuidParam('id') id: string, @CurrentCaller() caller: Caller): Promise<OpportunityApplicationResponse[]> {
    const opportunity = await visibleOpportunity(this.dataSource.manager, caller, id);
    if (!canChange(caller, opportunity)) throw new ForbiddenException("Only the opportunity's hosts and the partnership's leads see its applications.");
    const applications = await this.dataSource.manager.find(Application, { where: { opportunityId: id }, order: { submittedAt: 'ASC' } });
    const applicants = await practitionerSummaries(this.dataSource.manager, applications.map((application) => application.practitionerId));
    return applications.map((application) => ({ ...toApplicationResponse(application), applicant: applicants.get(application.practitionerId)! }));
  }

  @Get('me/applications')
  @Roles('practitioner')
  @ApiOperation({ summary: "The signed-in practitioner's applications, newest first" })
  @ApiOkResponse({ type: [ApplicationResponse] })
  async mine(@CurrentCaller() caller: Caller): Promise<ApplicationResponse[]> {
    const applications = await this.dataSource.manager.find(Application, { where: { practitionerId: caller.id }, order: { submittedAt: 'DESC' } });
    return applications.map(toApplicationResponse);
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
