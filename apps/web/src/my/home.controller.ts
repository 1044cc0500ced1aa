import { Controller, Get, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Api, answer } from '../api/api-client.js';
import { adminHome } from '../admin/admin-home.js';
import { leadHome } from '../decisions/lead-home.js';
import { SignedIn } from '../session/signed-in.guard.js';
import { signedInSession } from '../session/web-session.js';
import { myApplicationsAndMatches, standingOf } from './my-applications.js';

/** Each person's home: what is theirs, and what needs them. */
@Controller('home')
@SignedIn()
export class HomeController {
  constructor(private readonly api: Api) {}

  @Get()
  async home(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<unknown> {
    const person = signedInSession(request)!.person;
    // An academic's work is their university's opportunities: that list is their home.
    if (person.role === 'academic') return reply.redirect('/manage/opportunities', 303);
    if (person.role === 'partnership_lead') return reply.view('decisions/views/home.njk', await leadHome(this.api.as(request)));
    if (person.role === 'admin') return reply.view('admin/views/home.njk', await adminHome(this.api.as(request)));
    if (person.role !== 'practitioner') return reply.view('my/views/home-other.njk', {});
    const api = this.api.as(request);
    const [{ applications, otherMatches }, recommendations, profile] = await Promise.all([
      myApplicationsAndMatches(api),
      answer(api.GET('/api/me/recommendations', { params: { query: { limit: 5 } } })),
      api.GET('/api/me/profile'),
    ]);
    return reply.view('my/views/home.njk', {
      applications: applications.map((application) => ({ ...application, standing: standingOf(application) })),
      matches: otherMatches,
      recommendations: recommendations.items,
      hasProfile: Boolean(profile.data),
    });
  }
}
