import { Controller, Get, Param, Render, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Api, answer } from '../api/api-client.js';
import { SignedIn } from '../session/signed-in.guard.js';
import { matchTimelineOf } from './my-applications.js';
import { uuid } from '../layout/record-id.js';


/** A practitioner's match: its page with the timeline, and an approved one's calendar file. */
@Controller('matches/:id')
@SignedIn('practitioner')
export class MatchesController {
  constructor(private readonly api: Api) {}

  @Get()
  @Render('my/views/match.njk')
  async show(@Req() request: FastifyRequest, @Param('id', uuid) id: string): Promise<object> {
    const api = this.api.as(request);
    const details = await answer(api.GET('/api/matches/{id}', { params: { path: { id } } }));
    const [opportunity, applications] = await Promise.all([
      // Shown without its sessions when the person can no longer see it.
      api.GET('/api/opportunities/{id}', { params: { path: { id: details.opportunity.id } } }).then((answered) => answered.data),
      details.match.applicationId ? answer(api.GET('/api/me/applications')) : Promise.resolve([]),
    ]);
    const application = applications.find((candidate) => candidate.id === details.match.applicationId);
    return { ...details, sessions: opportunity?.sessions ?? [], application, timeline: matchTimelineOf(details.match, application) };
  }

  @Get('calendar.ics')
  async calendar(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string): Promise<unknown> {
    const api = this.api.as(request);
    const file = await answer(api.GET('/api/matches/{id}/calendar', { params: { path: { id } }, parseAs: 'text' }));
    return reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="${fileNameOf(id)}"`)
      .header('cache-control', 'private, no-store')
      .send(file);
  }
}

const fileNameOf = (matchId: string) => `sessions-${matchId.slice(0, 8)}.ics`;
