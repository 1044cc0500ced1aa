import { Body, Controller, Get, HttpCode, Param, Post, Render, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Api, answer } from '../api/api-client.js';
import { ApiProblem } from '../api/api-errors.js';
import { formErrors, textField } from '../layout/form-errors.js';

const PASSWORD_LENGTH = 12;
const PASSWORD_MAX_LENGTH = 200;
const EMAIL_FORMAT = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Forgotten passwords, for people who are not signed in: ask for a link by email, then choose a new
 * password from it. The link's GET only looks at the token (mail scanners follow links); the POST uses it.
 */
@Controller('password-reset')
export class PasswordResetController {
  constructor(private readonly api: Api) {}

  @Get()
  @Render('account/views/forgotten-password.njk')
  askPage(): object {
    return { values: { email: '' } };
  }

  @Post()
  @HttpCode(200)
  async ask(@Res() reply: FastifyReply, @Body() body: unknown): Promise<unknown> {
    const email = textField(body, 'email');
    const show = (message: string, status = 400) => reply.code(status).view('account/views/forgotten-password.njk', { values: { email }, ...formErrors({ email: message }) });
    if (!email) return show('Enter your email address');
    if (!EMAIL_FORMAT.test(email)) return show('Enter an email address in the correct format, like name@example.com');
    const asked = await this.api.anonymous().POST('/api/auth/password-reset', { body: { email } });
    if (asked.response.status === 400) return show('Enter an email address in the correct format, like name@example.com');
    if (asked.response.status === 429) return show('You have asked for too many links. Wait an hour and try again', 429);
    await answer(Promise.resolve(asked));
    return reply.view('account/views/reset-link-sent.njk', { email });
  }

  @Get('changed')
  @Render('account/views/password-changed.njk')
  changedPage(): object {
    return {};
  }

  /** Checked first, so that an old link says so before anyone types a new password. */
  @Get(':token')
  async choosePage(@Res() reply: FastifyReply, @Param('token') token: string): Promise<unknown> {
    const checked = await this.api.anonymous().POST('/api/auth/password-reset/check', { body: { token } });
    if (checked.response.status === 400) return reply.code(400).view('account/views/reset-link-expired.njk', {});
    await answer(Promise.resolve(checked));
    return reply.view('account/views/choose-new-password.njk', { token });
  }

  @Post(':token')
  @HttpCode(200)
  async choose(@Res() reply: FastifyReply, @Param('token') token: string, @Body() body: unknown): Promise<unknown> {
    const password = textField(body, 'password');
    const confirmation = textField(body, 'confirmation');
    const show = (messages: Record<string, string | undefined>) => reply.code(400).view('account/views/choose-new-password.njk', { token, ...formErrors(messages) });
    const invalid = formErrors({
      password: !password
        ? 'Enter a new password'
        : password.length < PASSWORD_LENGTH
          ? `Your password must be at least ${PASSWORD_LENGTH} characters`
          : password.length > PASSWORD_MAX_LENGTH
            ? `Your password must be ${PASSWORD_MAX_LENGTH} characters or fewer`
            : undefined,
      confirmation: password && confirmation !== password ? 'The passwords do not match' : undefined,
    });
    if (invalid) return show({ password: invalid.errors.password?.text, confirmation: invalid.errors.confirmation?.text });
    const changed = await this.api.anonymous().POST('/api/auth/password-reset/complete', { body: { token, password } });
    if (changed.response.status === 400) {
      // The API's password rules, if it names them; otherwise the link is what is wrong.
      const fields = new ApiProblem(400, changed.error ?? {}).fieldMessages();
      if (fields.password) return show({ password: `Enter a password of ${PASSWORD_LENGTH} to ${PASSWORD_MAX_LENGTH} characters` });
      return reply.code(400).view('account/views/reset-link-expired.njk', {});
    }
    await answer(Promise.resolve(changed));
    return reply.redirect('/password-reset/changed', 303);
  }
}
