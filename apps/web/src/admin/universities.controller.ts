import { Body, Controller, Get, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Api, answer } from '../api/api-client.js';
import { ApiProblem } from '../api/api-errors.js';
import { formErrors, textField } from '../layout/form-errors.js';
import { uuid } from '../layout/record-id.js';
import { SignedIn } from '../session/signed-in.guard.js';
import { draftOf, keepDraft } from '../session/web-session.js';
import { cursorOf, pageLinks } from './listing.js';
import { readUniversity, refusedFields, type UniversityAnswers } from './organisation-forms.js';

const DRAFT = 'new-university';
const FIELDS = ['name', 'shortName', 'website'];

/** The universities an admin has registered, one university, and registering another. */
@Controller('admin/universities')
@SignedIn('admin')
export class UniversitiesController {
  constructor(private readonly api: Api) {}

  @Get()
  @Render('admin/views/universities.njk')
  async list(@Req() request: FastifyRequest, @Query() query: Record<string, unknown>): Promise<object> {
    const name = textField(query, 'name').slice(0, 200);
    const cursor = cursorOf(query.cursor);
    const page = await answer(this.api.as(request).GET('/api/universities', { params: { query: { limit: 25, ...(name && { name }), ...(cursor && { cursor }) } } }));
    return { universities: page.items, name, ...pageLinks('/admin/universities', { name }, page, cursor) };
  }

  @Get('new')
  @Render('admin/views/university-form.njk')
  newPage(@Req() request: FastifyRequest): object {
    return { values: draftOf<UniversityAnswers>(request, DRAFT) ?? {} };
  }

  @Post('new')
  saveAnswers(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() body: unknown): unknown {
    const { values, messages } = readUniversity(body);
    const invalid = formErrors(messages);
    if (invalid) return reply.code(400).view('admin/views/university-form.njk', { values, ...invalid });
    keepDraft(request, DRAFT, values);
    return reply.redirect('/admin/universities/new/check', 303);
  }

  @Get('new/check')
  checkPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply): unknown {
    const answers = draftOf<UniversityAnswers>(request, DRAFT);
    if (!answers) return reply.redirect('/admin/universities/new', 303);
    return reply.view('admin/views/check-university.njk', { answers });
  }

  /** Registers it; what the API refuses goes back to the question, with its messages beside the fields. */
  @Post('new/check')
  async register(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<unknown> {
    const answers = draftOf<UniversityAnswers>(request, DRAFT);
    if (!answers) return reply.redirect('/admin/universities/new', 303);
    try {
      const university = await answer(
        this.api.as(request).POST('/api/universities', {
          body: { name: answers.name, ...(answers.shortName && { shortName: answers.shortName }), ...(answers.website && { website: answers.website }) },
        }),
      );
      keepDraft(request, DRAFT, undefined);
      request.session.set('flash', { title: 'Registered', heading: `${university.name} is registered`, body: 'You can now make it a member of a partnership.' });
      return reply.redirect('/admin/universities', 303);
    } catch (error) {
      if (!(error instanceof ApiProblem) || ![400, 409].includes(error.status)) throw error;
      return reply.code(error.status).view('admin/views/university-form.njk', { values: answers, ...formErrors(refusedFields(error, FIELDS)) });
    }
  }

  @Get(':id')
  @Render('admin/views/university.njk')
  async show(@Req() request: FastifyRequest, @Param('id', uuid) id: string): Promise<object> {
    const api = this.api.as(request);
    const [university, partnerships] = await Promise.all([
      answer(api.GET('/api/universities/{id}', { params: { path: { id } } })),
      answer(api.GET('/api/partnerships', { params: { query: { organisationId: id, limit: 100 } } })),
    ]);
    return { university, partnerships: partnerships.items };
  }
}
