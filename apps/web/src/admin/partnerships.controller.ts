import { Body, Controller, Get, Post, Query, Render, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Api, answer } from '../api/api-client.js';
import { ApiProblem } from '../api/api-errors.js';
import { formErrors } from '../layout/form-errors.js';
import { listField } from '../layout/form-fields.js';
import { SignedIn } from '../session/signed-in.guard.js';
import { draftOf, keepDraft } from '../session/web-session.js';
import { cursorOf, pageLinks } from './listing.js';
import { type PartnershipAnswers, readPartnershipDetails, refusedFields } from './organisation-forms.js';
import { allOrganisations, type Organisation } from './organisations.js';

const DRAFT = 'new-partnership';
const BASE = '/admin/partnerships/new';

/** Every partnership, and forming one with its first members: details → members → check your answers. */
@Controller('admin/partnerships')
@SignedIn('admin')
export class PartnershipsController {
  constructor(private readonly api: Api) {}

  @Get()
  @Render('admin/views/partnerships.njk')
  async list(@Req() request: FastifyRequest, @Query() query: Record<string, unknown>): Promise<object> {
    const cursor = cursorOf(query.cursor);
    const page = await answer(this.api.as(request).GET('/api/partnerships', { params: { query: { limit: 25, ...(cursor && { cursor }) } } }));
    return { partnerships: page.items, ...pageLinks('/admin/partnerships', {}, page, cursor) };
  }

  @Get('new')
  @Render('admin/views/partnership-form.njk')
  detailsPage(@Req() request: FastifyRequest): object {
    return { values: draftOf<PartnershipAnswers>(request, DRAFT) ?? {}, backLink: this.checked(request) ? `${BASE}/check` : '/admin/partnerships' };
  }

  @Post('new')
  saveDetails(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() body: unknown): unknown {
    const { values, messages } = readPartnershipDetails(body);
    const invalid = formErrors(messages);
    if (invalid) return reply.code(400).view('admin/views/partnership-form.njk', { values, backLink: '/admin/partnerships', ...invalid });
    const kept = draftOf<PartnershipAnswers>(request, DRAFT);
    if (!keepDraft(request, DRAFT, { ...kept, ...values })) {
      return reply.code(400).view('admin/views/partnership-form.njk', { values, ...formErrors({ description: 'The description is too long to keep between pages: shorten it' }) });
    }
    return reply.redirect(kept?.universityIds ? `${BASE}/check` : `${BASE}/members`, 303);
  }

  @Get('new/members')
  async membersPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<unknown> {
    const answers = draftOf<PartnershipAnswers>(request, DRAFT);
    if (!answers) return reply.redirect(BASE, 303);
    return reply.view('admin/views/partnership-members-form.njk', await this.membersModel(request, answers));
  }

  @Post('new/members')
  async saveMembers(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() body: unknown): Promise<unknown> {
    const answers = draftOf<PartnershipAnswers>(request, DRAFT);
    if (!answers) return reply.redirect(BASE, 303);
    const chosen = { ...answers, universityIds: listField(body, 'universityIds'), councilIds: listField(body, 'councilIds') };
    if (!keepDraft(request, DRAFT, chosen)) {
      const tooMany = formErrors({ universityIds: 'That is too many to choose at once: choose fewer, and add the rest on the partnership’s page' }, { universityIds: 'universityIds' });
      return reply.code(400).view('admin/views/partnership-members-form.njk', { ...(await this.membersModel(request, chosen)), ...tooMany });
    }
    return reply.redirect(`${BASE}/check`, 303);
  }

  @Get('new/check')
  async checkPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<unknown> {
    const answers = draftOf<PartnershipAnswers>(request, DRAFT);
    if (!answers) return reply.redirect(BASE, 303);
    if (!answers.universityIds) return reply.redirect(`${BASE}/members`, 303);
    const { universities, councils } = await allOrganisations(this.api.as(request));
    return reply.view('admin/views/check-partnership.njk', { answers, universities: namesOf(universities, answers.universityIds), councils: namesOf(councils, answers.councilIds ?? []) });
  }

  /** Forms it; a duplicate name goes back to the details, an organisation no longer there to the members. */
  @Post('new/check')
  async form(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<unknown> {
    const answers = draftOf<PartnershipAnswers>(request, DRAFT);
    if (!answers?.universityIds) return reply.redirect(BASE, 303);
    try {
      const partnership = await answer(
        this.api.as(request).POST('/api/partnerships', {
          body: { name: answers.name, ...(answers.description && { description: answers.description }), universityIds: answers.universityIds, councilIds: answers.councilIds ?? [] },
        }),
      );
      keepDraft(request, DRAFT, undefined);
      request.session.set('flash', { title: 'Formed', heading: `${partnership.name} is formed`, body: 'Now appoint its leads.' });
      return reply.redirect(`/admin/partnerships/${partnership.id}`, 303);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      if (error.status === 404) {
        const gone = formErrors({ universityIds: 'One of the organisations you chose is no longer registered: choose again' }, { universityIds: 'universityIds' });
        return reply.code(404).view('admin/views/partnership-members-form.njk', { ...(await this.membersModel(request, answers)), ...gone });
      }
      if (![400, 409].includes(error.status)) throw error;
      return reply.code(error.status).view('admin/views/partnership-form.njk', { values: answers, backLink: `${BASE}/check`, ...formErrors(refusedFields(error, ['name', 'description'])) });
    }
  }

  private checked(request: FastifyRequest): boolean {
    return Boolean(draftOf<PartnershipAnswers>(request, DRAFT)?.universityIds);
  }

  private async membersModel(request: FastifyRequest, answers: PartnershipAnswers) {
    const { universities, councils } = await allOrganisations(this.api.as(request));
    const items = (organisations: Organisation[], chosen: string[] = []) => organisations.map((organisation) => ({ value: organisation.id, text: organisation.name, checked: chosen.includes(organisation.id) }));
    return {
      answers,
      universityItems: items(universities, answers.universityIds),
      councilItems: items(councils, answers.councilIds),
      backLink: answers.universityIds ? `${BASE}/check` : BASE,
    };
  }
}

function namesOf(organisations: Organisation[], ids: string[]): string[] {
  return organisations.filter((organisation) => ids.includes(organisation.id)).map((organisation) => organisation.name);
}
