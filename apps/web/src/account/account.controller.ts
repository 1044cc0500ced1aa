import { Body, Controller, Get, Post, Query, Render, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Api, answer } from '../api/api-client.js';
import { ApiProblem } from '../api/api-errors.js';
import { formErrors, textField } from '../layout/form-errors.js';
import { safeReturnPath, signedInSession } from '../session/web-session.js';

/** The start page, signing in and out. */
@Controller()
export class AccountController {
  constructor(private readonly api: Api) {}

  @Get()
  start(@Req() request: FastifyRequest, @Res() reply: FastifyReply): unknown {
    if (signedInSession(request)) return reply.redirect('/home', 303);
    return reply.view('account/views/start.njk', {});
  }

  @Get('sign-in')
  @Render('account/views/sign-in.njk')
  signInPage(@Query('returnTo') returnTo: unknown): object {
    return { returnTo: safeReturnPath(returnTo), values: {} };
  }

  @Post('sign-in')
  async signIn(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() body: unknown): Promise<unknown> {
    const values = { email: textField(body, 'email'), password: textField(body, 'password') };
    const returnTo = safeReturnPath(textField(body, 'returnTo'));
    const show = (messages: Record<string, string | undefined>, status = 400) =>
      reply.code(status).view('account/views/sign-in.njk', { returnTo, values: { email: values.email }, ...formErrors(messages) });

    const missing = formErrors({
      email: values.email ? undefined : 'Enter your email address',
      password: values.password ? undefined : 'Enter your password',
    });
    if (missing) return show({ email: missing.errors.email?.text, password: missing.errors.password?.text });

    const login = await this.api.anonymous().POST('/api/auth/login', { body: { email: values.email, password: values.password } });
    if (!login.data) {
      const status = login.response.status;
      if (status === 401 || status === 400) return show({ email: 'Enter a correct email address and password' });
      if (status === 429) return show({ email: 'You have tried to sign in too many times. Wait a minute and try again' }, 429);
      throw new ApiProblem(status, login.error ?? {});
    }
    const me = await answer(this.api.anonymous().GET('/api/me', { headers: { authorization: `Bearer ${login.data.accessToken}` } }));
    request.session.set('auth', this.api.sessionOf(login.data, { id: me.id, displayName: me.displayName, role: me.role }));
    return reply.redirect(returnTo ?? '/home', 303);
  }

  @Post('sign-out')
  async signOut(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<unknown> {
    const refreshToken = signedInSession(request)?.refreshToken;
    // Ends the session everywhere this sign-in's tokens reached, not only in this browser.
    if (refreshToken) await this.api.anonymous().POST('/api/auth/logout', { body: { refreshToken } }).catch(() => undefined);
    request.session.set('auth', undefined);
    request.session.set('drafts', undefined);
    request.session.set('flash', { title: 'Signed out', heading: 'You have signed out' });
    return reply.redirect('/sign-in', 303);
  }

  @Get('sign-out')
  signOutPage(@Res() reply: FastifyReply): unknown {
    return reply.redirect('/', 303);
  }
}
