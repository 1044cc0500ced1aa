import { Body, Controller, ForbiddenException, Get, Header, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApiProblems, UuidParam } from '#libs/http';
import { ApiSignedIn, type Caller, CurrentCaller, Roles } from '#libs/identity';
import { canChange, visibleOpportunity } from '#libs/opportunities';
import { practitionerSummaries } from '#libs/practitioners';
import { ApproveMatchCommand } from '../commands/approve-match/approve-match.command.js';
import { ProposeMatchCommand } from '../commands/propose-match/propose-match.command.js';
import { RejectMatchCommand } from '../commands/reject-match/reject-match.command.js';
import { matchDetails } from '../persistence/decisions.read.js';
import { visibleMatch } from '../persistence/match-access.js';
import { matchCalendar } from '../persistence/match-calendar.js';
import { Match } from '../persistence/match.entity.js';
import { MatchDetails } from './decisions.dto.js';
import { DecideMatchRequest, MatchResponse, OpportunityMatchResponse, ProposeMatchRequest } from './match.dto.js';
import { toMatchResponse } from './match.mapper.js';

const CALENDAR_EXAMPLE = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'METHOD:PUBLISH',
  'BEGIN:VEVENT',
  'UID:match-8f0e4a7c-1b2d-4c3e-9f5a-6b7c8d9e0f1a-1',
  'DTSTART;TZID=Europe/London:20270614T100000',
  'DTEND;TZID=Europe/London:20270614T120000',
  'SUMMARY:Lecture: assessing risk in child protection',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

@ApiTags('matches')
@ApiSignedIn()
@Controller()
export class MatchesController {
  constructor(
    private readonly commands: CommandBus,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Post('matches')
  @Roles('partnership_lead', 'academic', 'admin')
  @ApiOperation({
    summary: "Propose a match from an application (the partnership's leads; the host university's academics where the partnership allows it)",
    description: 'Emits `match.proposed`. Academics may propose when the partnership\'s setting `academicsMayProposeMatches` is on.',
  })
  @ApiCreatedResponse({ type: MatchResponse })
  @ApiProblems(400, 403, 404, 409)
  propose(@Body() request: ProposeMatchRequest, @CurrentCaller() caller: Caller): Promise<MatchResponse> {
    return this.commands.execute(new ProposeMatchCommand(request.applicationId, caller));
  }

  @Post('matches/:id/approve')
  @Roles('partnership_lead', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve a proposed match: it takes a place (409 when none is left)',
    description: 'Emits `match.approved`, and `opportunity.filled` when it takes the last place.',
  })
  @ApiOkResponse({ type: MatchResponse })
  @ApiProblems(400, 404, 409)
  approve(@UuidParam('id') id: string, @Body() request: DecideMatchRequest, @CurrentCaller() caller: Caller): Promise<MatchResponse> {
    return this.commands.execute(new ApproveMatchCommand(id, caller, request.note));
  }

  @Post('matches/:id/reject')
  @Roles('partnership_lead', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject a proposed match, with an optional note', description: 'Emits `match.rejected`.' })
  @ApiOkResponse({ type: MatchResponse })
  @ApiProblems(400, 404, 409)
  reject(@UuidParam('id') id: string, @Body() request: DecideMatchRequest, @CurrentCaller() caller: Caller): Promise<MatchResponse> {
    return this.commands.execute(new RejectMatchCommand(id, caller, request.note));
  }

  @Get('matches/:id')
  @ApiOperation({
    summary: 'One match, with who it is about and its opportunity\'s places',
    description: "For the match's practitioner, the opportunity's hosts and the partnership's leads; anyone else is answered 404.",
  })
  @ApiOkResponse({ type: MatchDetails })
  @ApiProblems(400, 404)
  async get(@UuidParam('id') id: string, @CurrentCaller() caller: Caller): Promise<MatchDetails> {
    const { match } = await visibleMatch(this.dataSource.manager, caller, id);
    return (await matchDetails(this.dataSource.manager, [match]))[0]!;
  }

  @Get('matches/:id/calendar')
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="sessions.ics"')
  @ApiProduces('text/calendar')
  @ApiOperation({
    summary: "An approved match's sessions as a calendar file (ICS, Europe/London)",
    description:
      "For the match's practitioner, the opportunity's hosts and the partnership's leads (404 for anyone else). The events have the uids of the approval email's invitation, so opening both leaves one of each.",
  })
  @ApiOkResponse({
    description: 'An RFC 5545 calendar, METHOD:PUBLISH, every session an event with TZID=Europe/London.',
    content: { 'text/calendar': { schema: { type: 'string', example: CALENDAR_EXAMPLE } } },
  })
  @ApiProblems(400, 404, [409, 'The match is not approved, or its opportunity was cancelled.'])
  async calendar(@UuidParam('id') id: string, @CurrentCaller() caller: Caller): Promise<string> {
    const { match, opportunity } = await visibleMatch(this.dataSource.manager, caller, id);
    return matchCalendar(this.dataSource.manager, match, opportunity);
  }

  @Get('opportunities/:id/matches')
  @ApiOperation({ summary: "An opportunity's matches, for its hosts and the partnership's leads" })
  @ApiOkResponse({ type: [OpportunityMatchResponse] })
  @ApiProblems(400, [403, "Only the opportunity's hosts and the partnership's leads see its matches."], 404)
  async forOpportunity(@UuidParam('id') id: string, @CurrentCaller() caller: Caller): Promise<OpportunityMatchResponse[]> {
    const opportunity = await visibleOpportunity(this.dataSource.manager, caller, id);
    if (!canChange(caller, opportunity)) throw new ForbiddenException("Only the opportunity's hosts and the partnership's leads see its matches.");
    const matches = await this.dataSource.manager.find(Match, { where: { opportunityId: id }, order: { proposedAt: 'ASC' } });
    const practitioners = await practitionerSummaries(this.dataSource.manager, matches.map((match) => match.practitionerId));
    return matches.map((match) => ({ ...toMatchResponse(match), practitioner: practitioners.get(match.practitionerId)! }));
  }

  @Get('me/matches')
  @Roles('practitioner')
  @ApiOperation({ summary: "The signed-in practitioner's matches, newest first" })
  @ApiOkResponse({ type: [MatchResponse] })
  async mine(@CurrentCaller() caller: Caller): Promise<MatchResponse[]> {
    return (await this.dataSource.manager.find(Match, { where: { practitionerId: caller.id }, order: { proposedAt: 'DESC' } })).map(toMatchResponse);
  }
}
