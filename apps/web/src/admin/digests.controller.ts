import { Controller, Param, ParseEnumPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Api, answer } from '../api/api-client.js';
import { ApiProblem } from '../api/api-errors.js';
import { SignedIn } from '../session/signed-in.guard.js';

const FREQUENCIES = { daily: 'daily', weekly: 'weekly' } as const;

/** Running the daily or weekly digest now, rather than at its hour. */
@Controller('admin/digests')
@SignedIn('admin')
export class DigestsController {
  constructor(private readonly api: Api) {}

  @Post(':frequency')
  async run(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('frequency', new ParseEnumPipe(FREQUENCIES, { exceptionFactory: () => new ApiProblem(404, {}) })) frequency: keyof typeof FREQUENCIES,
  ): Promise<unknown> {
    await answer(this.api.as(request).POST('/api/admin/digests/{frequency}', { params: { path: { frequency } } }));
    request.session.set('flash', {
      title: 'Digest queued',
      heading: `The ${frequency} digest is on its way`,
      body: `Subscribers who have not had this ${frequency === 'daily' ? 'day' : 'week'}’s digest get it in the next few minutes; nobody gets two.`,
    });
    return reply.redirect('/home', 303);
  }
}
