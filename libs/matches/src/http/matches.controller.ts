import { Body, Controller, Get, Header, HttpCode, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiProblems, UuidParam } from '#libs/http';
import { ApiSignedIn, type Caller, CurrentCaller, Roles } from '#libs/identity';
import { ApproveMatchCommand } from '../commands/approve-match/approve-match.command.js';
import { ProposeMatchCommand } from '../commands/propose-match/propose-match.command.js';
import { RejectMatchCommand } from '../commands/reject-match/reject-match.command.js';
import { GetMatchQuery } from '../queries/get-match/get-match.query.js';
import { MatchCalendarQuery } from '../queries/match-calendar/match-calendar.query.js';
import { MyMatchesQuery } from '../queries/my-matches/my-matches.query.js';
import { OpportunityMatchesQuery } from '../queries/opportunity-matches/opportunity-matches.query.js';
import { MatchDetails } from './decisions.dto.js';
import { DecideMatchRequest, MatchResponse, OpportunityMatchResponse, ProposeMatchRequest } from './match.dto.js';

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
    private readonly queries: QueryBus,
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
    return this.commands.execute(new ProposeMatchCommand({ from: 'application', applicationId: request.applicationId }, caller));
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
  get(@UuidParam('id') id: string, @CurrentCaller() caller: Caller): Promise<MatchDetails> {
    return this.queries.execute(new GetMatchQuery(id, caller));
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
  calendar(@UuidParam('id') id: string, @CurrentCaller() caller: Caller): Promise<string> {
    return this.queries.execute(new MatchCalendarQuery(id, caller));
  }

  @Get('opportunities/:id/matches')
  @ApiOperation({ summary: "An opportunity's matches, for its hosts and the partnership's leads" })
  @ApiOkResponse({ type: [OpportunityMatchResponse] })
  @ApiProblems(400, [403, "Only the opportunity's hosts and the partnership's leads see its matches."], 404)
  forOpportunity(@UuidParam('id') id: string, @CurrentCaller() caller: Caller): Promise<OpportunityMatchResponse[]> {
    return this.queries.execute(new OpportunityMatchesQuery(id, caller));
  }

  @Get('me/matches')
  @Roles('practitioner')
  @ApiOperation({ summary: "The signed-in practitioner's matches, newest first" })
  @ApiOkResponse({ type: [MatchResponse] })
  mine(@CurrentCaller() caller: Caller): Promise<MatchResponse[]> {
    return this.queries.execute(new MyMatchesQuery(caller.id));
  }
}
