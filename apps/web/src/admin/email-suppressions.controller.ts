import { Body, Controller, Get, Post, Query, Render, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Api, answer } from '../api/api-client.js';
import { ApiProblem } from '../api/api-errors.js';
import { textField } from '../layout/form-errors.js';
import { SignedIn } from '../session/signed-in.guard.js';

const PER_PAGE = 25;
const REASON_LABELS: Record<string, string> = { hard_bounce: 'Bounced for good', complaint: 'Marked as spam' };

/** The addresses no email goes to any more, and lifting one of them. */
@Controller('admin/email-suppressions')
@SignedIn('admin')
export class EmailSuppressionsController {
  constructor(private readonly api: Api) {}

  /** The API answers them all at once, newest first: they are paged here. */
  @Get()
  @Render('admin/views/email-suppressions.njk')
  async list(@Req() request: FastifyRequest, @Query() query: Record<string, unknown>): Promise<object> {
    const suppressions = await answer(this.api.as(request).GET('/api/admin/email-suppressions'));
    const pages = Math.max(1, Math.ceil(suppressions.length / PER_PAGE));
    const asked = Number(textField(query, 'page'));
    const page = Number.isInteger(asked) && asked >= 1 && asked <= pages ? asked : 1;
    const href = (number: number) => (number === 1 ? '/admin/email-suppressions' : `/admin/email-suppressions?page=${number}`);
    return {
      suppressions: suppressions.slice((page - 1) * PER_PAGE, page * PER_PAGE).map((row) => ({ ...row, reasonText: REASON_LABELS[row.reason] ?? row.reason })),
      total: suppressions.length,
      pagination:
        pages > 1
          ? {
              previous: page > 1 ? { href: href(page - 1) } : undefined,
              next: page < pages ? { href: href(page + 1) } : undefined,
              items: Array.from({ length: pages }, (_, index) => ({ number: index + 1, href: href(index + 1), current: index + 1 === page })),
            }
          : null,
    };
  }

  @Get('lift')
  async liftPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query() query: Record<string, unknown>): Promise<unknown> {
    const email = textField(query, 'email').toLowerCase();
    const suppressions = await answer(this.api.as(request).GET('/api/admin/email-suppressions'));
    const suppression = suppressions.find((row) => row.email === email);
    if (!suppression) throw new ApiProblem(404, {});
    return reply.view('admin/views/lift-suppression.njk', { suppression: { ...suppression, reasonText: REASON_LABELS[suppression.reason] ?? suppression.reason } });
  }

  @Post('lift')
  async lift(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() body: unknown): Promise<unknown> {
    const email = textField(body, 'email');
    const lifted = await this.api.as(request).DELETE('/api/admin/email-suppressions/{email}', { params: { path: { email } } });
    // Lifted already (by someone else, or a second press) is what was wanted.
    if (!lifted.response.ok && lifted.response.status !== 404) return answer(Promise.resolve(lifted));
    request.session.set('flash', { title: 'Suppression lifted', heading: `Email will go to ${email.toLowerCase()} again` });
    return reply.redirect('/admin/email-suppressions', 303);
  }
}
