import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Api, type ApiClient } from '../api/api-client.js';
import { ApiProblem } from '../api/api-errors.js';
import { formErrors, textField } from '../layout/form-errors.js';
import { uuid } from '../layout/record-id.js';
import { SignedIn } from '../session/signed-in.guard.js';
import { draftOf, keepDraft } from '../session/web-session.js';
import { firstUnanswered, type InviteAnswers, inviteRequestOf, readDetails } from './invite-answers.js';
import { ADMIN_SCOPE, partnershipScope, type PeopleScope, workplacesFor } from './people-scope.js';

type Step = 'details' | 'workplace' | 'check' | 'sent';

interface Sent {
  displayName: string;
  email: string;
  expiresAt: string;
}

const TOO_LONG = 'Your answers are too long to keep between pages: shorten them';

/** Inviting a person: who they are → where they work → check your answers → sent. Answers wait in the session. */
@Controller()
export class InviteController {
  constructor(private readonly api: Api) {}

  @Get(['partnership/:id/people/invite', 'partnership/:id/people/invite/:step'])
  @SignedIn('partnership_lead', 'admin')
  async partnershipPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string, @Param('step') step?: string): Promise<unknown> {
    const api = this.api.as(request);
    return this.page(request, reply, api, await partnershipScope(api, id), step);
  }

  @Get(['admin/people/invite', 'admin/people/invite/:step'])
  @SignedIn('admin')
  adminPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('step') step?: string): Promise<unknown> {
    return this.page(request, reply, this.api.as(request), ADMIN_SCOPE, step);
  }

  @Post('partnership/:id/people/invite/:step')
  @SignedIn('partnership_lead', 'admin')
  async partnershipAnswer(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string, @Param('step') step: string, @Body() body: unknown): Promise<unknown> {
    const api = this.api.as(request);
    return this.answer(request, reply, api, await partnershipScope(api, id), step, body);
  }

  @Post('admin/people/invite/:step')
  @SignedIn('admin')
  adminAnswer(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('step') step: string, @Body() body: unknown): Promise<unknown> {
    return this.answer(request, reply, this.api.as(request), ADMIN_SCOPE, step, body);
  }

  private async page(request: FastifyRequest, reply: FastifyReply, api: ApiClient, scope: PeopleScope, step: string | undefined): Promise<unknown> {
    const base = `${scope.base}/invite`;
    const answers = draftOf<InviteAnswers>(request, scope.draftKey) ?? {};
    if (step === 'sent') {
      const sent = draftOf<Sent>(request, `${scope.draftKey}:sent`);
      if (!sent) return reply.redirect(scope.base, 303);
      return reply.view('people/views/invite-sent.njk', { scope, sent });
    }
    const workplaces = await workplacesFor(api, scope);
    const missing = firstUnanswered(answers, workplaces);
    if (step === undefined) return reply.redirect(`${base}/details`, 303);
    if (step === 'details') return this.render(reply, scope, 'details', { values: answers });
    if (step === 'workplace') {
      if (missing === 'details') return reply.redirect(`${base}/details`, 303);
      return this.render(reply, scope, 'workplace', { values: answers, workplaces });
    }
    if (step === 'check') {
      if (missing) return reply.redirect(`${base}/${missing}`, 303);
      return this.render(reply, scope, 'check', { answers, workplace: workplaces.find((place) => place.value === answers.workplace) });
    }
    throw new ApiProblem(404, {});
  }

  private async answer(request: FastifyRequest, reply: FastifyReply, api: ApiClient, scope: PeopleScope, step: string, body: unknown): Promise<unknown> {
    const base = `${scope.base}/invite`;
    const answers = draftOf<InviteAnswers>(request, scope.draftKey) ?? {};
    if (step === 'details') {
      const { values, messages } = readDetails(body);
      const invalid = formErrors(messages);
      if (invalid) return this.render(reply.code(400), scope, 'details', { values, ...invalid });
      if (!keepDraft(request, scope.draftKey, { ...answers, ...values })) {
        return this.render(reply.code(400), scope, 'details', { values, ...formErrors({ displayName: TOO_LONG }) });
      }
      return reply.redirect(`${base}/${answers.workplace ? 'check' : 'workplace'}`, 303);
    }
    const workplaces = await workplacesFor(api, scope);
    if (step === 'workplace') {
      const workplace = textField(body, 'workplace');
      if (!workplaces.some((place) => place.value === workplace)) {
        const message = scope.partnership ? 'Select where they work' : 'Select where they work, or that they work at no university or council';
        return this.render(reply.code(400), scope, 'workplace', { values: answers, workplaces, ...formErrors({ workplace: message }, { workplace: 'workplace' }) });
      }
      keepDraft(request, scope.draftKey, { ...answers, workplace });
      return reply.redirect(`${base}/check`, 303);
    }
    if (step === 'check') {
      const missing = firstUnanswered(answers, workplaces);
      if (missing) return reply.redirect(`${base}/${missing}`, 303);
      const workplace = workplaces.find((place) => place.value === answers.workplace)!;
      const invited = await api.POST('/api/invitations', { body: inviteRequestOf(answers, workplace) });
      const messages = answerProblems(invited.response.status, invited.error);
      if (messages) return this.render(reply.code(400), scope, 'details', { values: answers, ...formErrors(messages) });
      if (!invited.data) throw new ApiProblem(invited.response.status, invited.error ?? {});
      keepDraft(request, scope.draftKey, undefined);
      keepDraft(request, `${scope.draftKey}:sent`, { displayName: answers.displayName!, email: answers.email!, expiresAt: invited.data.expiresAt } satisfies Sent);
      return reply.redirect(`${base}/sent`, 303);
    }
    throw new ApiProblem(404, {});
  }

  private render(reply: FastifyReply, scope: PeopleScope, step: Exclude<Step, 'sent'>, locals: object): unknown {
    const base = `${scope.base}/invite`;
    const backLink = step === 'details' ? scope.base : step === 'workplace' ? `${base}/details` : `${base}/workplace`;
    return reply.view(`people/views/invite-${step}.njk`, { scope, base, backLink, ...locals });
  }
}

/** The API's refusal of a name or email as messages on the first page; null for any other answer. */
function answerProblems(status: number, error: unknown): Record<string, string | undefined> | null {
  if (status === 409) return { email: 'Someone with this email address is already invited or has an account' };
  if (status !== 400) return null;
  const fields = new ApiProblem(status, error ?? {}).fieldMessages();
  if (!fields.displayName && !fields.email) return null;
  return {
    displayName: fields.displayName && 'Enter their name using letters, spaces and punctuation only',
    email: fields.email && 'Enter an email address in the correct format, like name@example.org',
  };
}
