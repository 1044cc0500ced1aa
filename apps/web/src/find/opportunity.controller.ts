import { Body, Controller, Get, Param, Post, Render, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Api, type ApiClient, answer } from '../api/api-client.js';
import { ApiProblem } from '../api/api-errors.js';
import { formErrors, textField } from '../layout/form-errors.js';
import { SignedIn } from '../session/signed-in.guard.js';
import { draftOf, keepDraft } from '../session/web-session.js';
import { vocabularyOf } from './organisation-names.js';
import { uuid } from '../layout/record-id.js';

const STATEMENT_LIMIT = 2000;

/** An opportunity's page, and applying to it: statement → check your answers → confirmation. */
@Controller()
@SignedIn('practitioner')
export class OpportunityController {
  constructor(private readonly api: Api) {}

  @Get('opportunities/:id')
  @Render('find/views/opportunity.njk')
  async show(@Req() request: FastifyRequest, @Param('id', uuid) id: string): Promise<object> {
    const api = this.api.as(request);
    const [opportunity, vocabulary, applications] = await Promise.all([
      answer(api.GET('/api/opportunities/{id}', { params: { path: { id } } })),
      vocabularyOf(api),
      answer(api.GET('/api/me/applications')),
    ]);
    return {
      opportunity,
      hostName: vocabulary.organisations.get(opportunity.host.id),
      specialismNames: opportunity.requiredSpecialisms.map((code) => vocabulary.specialisms.get(code) ?? code),
      application: applications.find((application) => application.opportunityId === id && application.status === 'submitted'),
    };
  }

  @Get('opportunities/:id/apply')
  @Render('find/views/apply.njk')
  async statementPage(@Req() request: FastifyRequest, @Param('id', uuid) id: string): Promise<object> {
    const opportunity = await this.opportunity(this.api.as(request), id);
    return { opportunity, values: { statement: statementOf(request, id) ?? '' }, limit: STATEMENT_LIMIT };
  }

  @Post('opportunities/:id/apply')
  async saveStatement(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string, @Body() body: unknown): Promise<unknown> {
    const statement = textField(body, 'statement');
    const invalid = formErrors({
      statement: !statement
        ? 'Enter why you would like to take part'
        : statement.length > STATEMENT_LIMIT
          ? `Your statement must be ${STATEMENT_LIMIT} characters or fewer`
          : undefined,
    });
    if (invalid) {
      const opportunity = await this.opportunity(this.api.as(request), id);
      return reply.code(400).view('find/views/apply.njk', { opportunity, values: { statement }, limit: STATEMENT_LIMIT, ...invalid });
    }
    keepDraft(request, draftKey(id), { statement });
    return reply.redirect(`/opportunities/${id}/apply/check`, 303);
  }

  @Get('opportunities/:id/apply/check')
  async checkPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string): Promise<unknown> {
    const statement = statementOf(request, id);
    if (!statement) return reply.redirect(`/opportunities/${id}/apply`, 303);
    const opportunity = await this.opportunity(this.api.as(request), id);
    return reply.view('find/views/check-application.njk', { opportunity, statement });
  }

  @Post('opportunities/:id/apply/check')
  async submit(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string): Promise<unknown> {
    const statement = statementOf(request, id);
    if (!statement) return reply.redirect(`/opportunities/${id}/apply`, 303);
    const api = this.api.as(request);
    const applied = await api.POST('/api/opportunities/{id}/applications', { params: { path: { id } }, body: { statement } });
    if (!applied.data) {
      const status = applied.response.status;
      // The API says why it cannot take the application (already applied, closed, not eligible): show that here.
      if (status !== 409 && status !== 422 && status !== 400) return answer(Promise.resolve(applied));
      const problem = (applied.error ?? {}) as ApiProblem['problem'];
      const opportunity = await this.opportunity(api, id);
      return reply.code(status).view('find/views/check-application.njk', {
        opportunity,
        statement,
        errorList: [{ text: problem.detail ?? 'Your application could not be sent', href: '#statement' }],
      });
    }
    keepDraft(request, draftKey(id), undefined);
    return reply.redirect(`/applications/${applied.data.id}/confirmation`, 303);
  }

  private opportunity(api: ApiClient, id: string) {
    return answer(api.GET('/api/opportunities/{id}', { params: { path: { id } } }));
  }
}

const draftKey = (opportunityId: string) => `apply:${opportunityId}`;

function statementOf(request: FastifyRequest, opportunityId: string): string | undefined {
  return draftOf<{ statement: string }>(request, draftKey(opportunityId))?.statement;
}
