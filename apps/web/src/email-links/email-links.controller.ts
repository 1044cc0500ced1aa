import { Body, Controller, Get, HttpCode, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Api, answer } from '../api/api-client.js';
import { formErrors, textField } from '../layout/form-errors.js';

const PASSWORD_LENGTH = 12;

/**
 * Where the links in emails lead, for people who are not signed in: choosing a password from an
 * invitation, confirming an email alert, unsubscribing. Each GET shows a page with a button (mail
 * scanners follow links); the POST acts.
 */
@Controller()
export class EmailLinksController {
  constructor(private readonly api: Api) {}

  @Get('invitation')
  @Render('email-links/views/choose-password.njk')
  invitationPage(@Query('token') token: unknown): object {
    return { token: typeof token === 'string' ? token : '' };
  }

  @Post('invitation')
  async acceptInvitation(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() body: unknown): Promise<unknown> {
    const token = textField(body, 'token');
    const password = textField(body, 'password');
    const confirmation = textField(body, 'confirmation');
    const show = (messages: Record<string, string | undefined>) =>
      reply.code(400).view('email-links/views/choose-password.njk', { token, ...formErrors(messages) });
    const invalid = formErrors({
      password: !password ? 'Enter a password' : password.length < PASSWORD_LENGTH ? `Your password must be at least ${PASSWORD_LENGTH} characters` : undefined,
      confirmation: password && confirmation !== password ? 'The passwords do not match' : undefined,
    });
    if (invalid) return show({ password: invalid.errors.password?.text, confirmation: invalid.errors.confirmation?.text });
    const accepted = await this.api.anonymous().POST('/api/invitations/accept', { body: { token, password } });
    if (!accepted.data) {
      if (accepted.response.status === 400) return reply.code(400).view('email-links/views/invitation-expired.njk', {});
      return answer(Promise.resolve(accepted));
    }
    const me = await answer(this.api.anonymous().GET('/api/me', { headers: { authorization: `Bearer ${accepted.data.accessToken}` } }));
    request.session.set('auth', this.api.sessionOf(accepted.data, { id: me.id, displayName: me.displayName, role: me.role }));
    request.session.set('flash', {
      title: 'Welcome',
      heading: 'Your account is ready',
      ...(me.role === 'practitioner' && { body: 'Complete your profile so that partnership leads can find you for opportunities.' }),
    });
    return reply.redirect('/home', 303);
  }

  @Get('subscription/confirm/:token')
  @Render('email-links/views/confirm-alert.njk')
  confirmPage(@Param('token') token: string): object {
    return { token };
  }

  @Post('subscription/confirm/:token')
  @HttpCode(200)
  async confirm(@Res() reply: FastifyReply, @Param('token') token: string): Promise<unknown> {
    return this.linkAction(reply, this.api.anonymous().POST('/api/subscriptions/confirm/{token}', { params: { path: { token } } }), 'email-links/views/alert-confirmed.njk');
  }

  @Get('unsubscribe/:token')
  @Render('email-links/views/unsubscribe.njk')
  unsubscribePage(@Param('token') token: string): object {
    return { token };
  }

  /** Also RFC 8058's one-click unsubscribe, which mail clients post without a page (or a form token). */
  @Post('unsubscribe/:token')
  @HttpCode(200)
  async unsubscribe(@Res() reply: FastifyReply, @Param('token') token: string): Promise<unknown> {
    return this.linkAction(reply, this.api.anonymous().POST('/api/unsubscribe/{token}', { params: { path: { token } } }), 'email-links/views/unsubscribed.njk');
  }

  private async linkAction(reply: FastifyReply, call: Promise<{ data?: unknown; error?: unknown; response: Response }>, done: string): Promise<unknown> {
    const result = await call;
    if (result.response.status === 400) return reply.code(400).view('email-links/views/link-expired.njk', {});
    await answer(Promise.resolve(result));
    return reply.view(done, {});
  }
}

