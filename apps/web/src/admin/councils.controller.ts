import { Body, Controller, Get, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Api, answer } from '../api/api-client.js';
import { ApiProblem } from '../api/api-errors.js';
import { formErrors, textField } from '../layout/form-errors.js';
import { uuid } from '../layout/record-id.js';
import { SignedIn } from '../session/signed-in.guard.js';
import { draftOf, keepDraft } from '../session/web-session.js';
import { cursorOf, pageLinks } from './listing.js';
import { type CouncilAnswers, readCouncil, refusedFields } from './organisation-forms.js';
import { COUNCIL_KIND_LABELS, isCouncilKind, isRegion, itemsOf, REGION_LABELS } from './organisation-labels.js';

const DRAFT = 'new-council';
const FIELDS = ['name', 'kind', 'region'];

/** The councils an admin has registered (by region or kind), one council, and registering another. */
@Controller('admin/councils')
@SignedIn('admin')
export class CouncilsController {
  constructor(private readonly api: Api) {}

  @Get()
  @Render('admin/views/councils.njk')
  async list(@Req() request: FastifyRequest, @Query() query: Record<string, unknown>): Promise<object> {
    const region = textField(query, 'region');
    const kind = textField(query, 'kind');
    const cursor = cursorOf(query.cursor);
    const filters = { ...(isRegion(region) && { region }), ...(isCouncilKind(kind) && { kind }) };
    const page = await answer(this.api.as(request).GET('/api/councils', { params: { query: { limit: 25, ...filters, ...(cursor && { cursor }) } } }));
    return {
      councils: page.items.map((council) => ({ ...council, kindText: COUNCIL_KIND_LABELS[council.kind], regionText: REGION_LABELS[council.region] })),
      filtered: Object.keys(filters).length > 0,
      regionItems: [{ value: '', text: 'Any region' }, ...itemsOf(REGION_LABELS, filters.region, 'selected')],
      kindItems: [{ value: '', text: 'Any kind' }, ...itemsOf(COUNCIL_KIND_LABELS, filters.kind, 'selected')],
      ...pageLinks('/admin/councils', filters, page, cursor),
    };
  }

  @Get('new')
  newPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply): unknown {
    return this.form(reply, draftOf<CouncilAnswers>(request, DRAFT) ?? { name: '', kind: '', region: '' });
  }

  @Post('new')
  saveAnswers(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() body: unknown): unknown {
    const { values, messages } = readCouncil(body);
    const invalid = formErrors(messages, { kind: 'kind', region: 'region' });
    if (invalid) return this.form(reply.code(400), values, invalid);
    keepDraft(request, DRAFT, values);
    return reply.redirect('/admin/councils/new/check', 303);
  }

  @Get('new/check')
  checkPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply): unknown {
    const answers = draftOf<CouncilAnswers>(request, DRAFT);
    if (!answers) return reply.redirect('/admin/councils/new', 303);
    return reply.view('admin/views/check-council.njk', { answers, kindText: labelOf(COUNCIL_KIND_LABELS, answers.kind), regionText: labelOf(REGION_LABELS, answers.region) });
  }

  @Post('new/check')
  async register(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<unknown> {
    const answers = draftOf<CouncilAnswers>(request, DRAFT);
    if (!answers) return reply.redirect('/admin/councils/new', 303);
    try {
      const { name, kind, region } = answers;
      if (!isCouncilKind(kind) || !isRegion(region)) return reply.redirect('/admin/councils/new', 303);
      const council = await answer(this.api.as(request).POST('/api/councils', { body: { name, kind, region } }));
      keepDraft(request, DRAFT, undefined);
      request.session.set('flash', { title: 'Registered', heading: `${council.name} is registered`, body: 'You can now make it a member of a partnership.' });
      return reply.redirect('/admin/councils', 303);
    } catch (error) {
      if (!(error instanceof ApiProblem) || ![400, 409].includes(error.status)) throw error;
      return this.form(reply.code(error.status), answers, formErrors(refusedFields(error, FIELDS)));
    }
  }

  @Get(':id')
  @Render('admin/views/council.njk')
  async show(@Req() request: FastifyRequest, @Param('id', uuid) id: string): Promise<object> {
    const api = this.api.as(request);
    const [council, partnerships] = await Promise.all([
      answer(api.GET('/api/councils/{id}', { params: { path: { id } } })),
      answer(api.GET('/api/partnerships', { params: { query: { organisationId: id, limit: 100 } } })),
    ]);
    return { council, kindText: COUNCIL_KIND_LABELS[council.kind], regionText: REGION_LABELS[council.region], partnerships: partnerships.items };
  }

  private form(reply: FastifyReply, values: CouncilAnswers, errors: object | null = null): unknown {
    return reply.view('admin/views/council-form.njk', {
      values,
      kindItems: itemsOf(COUNCIL_KIND_LABELS, values.kind),
      regionItems: itemsOf(REGION_LABELS, values.region),
      ...errors,
    });
  }
}

function labelOf(labels: Record<string, string>, code: string): string {
  return labels[code] ?? code;
}
