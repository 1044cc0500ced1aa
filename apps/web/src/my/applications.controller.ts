import { Controller, Get, Param, Post, Render, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Api, type ApiClient, answer } from '../api/api-client.js';
import { ApiProblem } from '../api/api-errors.js';
import { SignedIn } from '../session/signed-in.guard.js';
import { type ApplicationView, myApplications, standingOf, timelineOf } from './my-applications.js';
import { uuid } from '../layout/record-id.js';


/** A practitioner's own application: confirmation, its page with the timeline, withdrawing. */
@Controller('applications/:id')
@SignedIn('practitioner')
export class ApplicationsController {
  constructor(private readonly api: Api) {}

  @Get('confirmation')
  @Render('my/views/application-sent.njk')
  async confirmation(@Req() request: FastifyRequest, @Param('id', uuid) id: string): Promise<object> {
    return { application: await applicationOf(this.api.as(request), id) };
  }

  @Get()
  @Render('my/views/application.njk')
  async show(@Req() request: FastifyRequest, @Param('id', uuid) id: string): Promise<object> {
    const application = await applicationOf(this.api.as(request), id);
    return { application, standing: standingOf(application), timeline: timelineOf(application) };
  }

  @Get('withdraw')
  @Render('my/views/withdraw.njk')
  async withdrawPage(@Req() request: FastifyRequest, @Param('id', uuid) id: string): Promise<object> {
    return { application: await applicationOf(this.api.as(request), id) };
  }

  @Post('withdraw')
  async withdraw(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string): Promise<unknown> {
    const api = this.api.as(request);
    const application = await applicationOf(api, id);
    const withdrawn = await api.POST('/api/applications/{id}/withdraw', { params: { path: { id } } });
    if (withdrawn.response.status === 409) {
      const problem = (withdrawn.error ?? {}) as ApiProblem['problem'];
      return reply.code(409).view('my/views/withdraw.njk', {
        application,
        errorList: [{ text: problem.detail ?? 'This application cannot be withdrawn now', href: '#withdraw' }],
      });
    }
    await answer(Promise.resolve(withdrawn));
    request.session.set('flash', { heading: `You withdrew your application for ${application.opportunity?.title ?? 'the opportunity'}` });
    return reply.redirect('/home', 303);
  }
}

async function applicationOf(api: ApiClient, id: string): Promise<ApplicationView> {
  const [application] = await myApplications(api, id);
  if (!application) throw new ApiProblem(404, {});
  return application;
}
