import { Controller, Get, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Api, type ApiClient, answer } from '../api/api-client.js';
import { SignedIn } from '../session/signed-in.guard.js';
import { vocabularyOf } from '../find/organisation-names.js';
import { refusalOf } from './decision-pages.js';
import { uuid } from '../layout/record-id.js';

const SIDE_BY_SIDE = 5;

/** A lead's open opportunities, and one opportunity's applications and recommendations side by side, to propose matches from. */
@Controller('decisions')
@SignedIn('partnership_lead')
export class DecisionOpportunitiesController {
  constructor(private readonly api: Api) {}

  @Get()
  @Render('decisions/views/opportunities.njk')
  async list(@Req() request: FastifyRequest, @Query('cursor') cursor: unknown): Promise<object> {
    const api = this.api.as(request);
    const after = typeof cursor === 'string' ? cursor : '';
    const [page, vocabulary] = await Promise.all([
      answer(api.GET('/api/opportunities', { params: { query: { status: 'published', sort: 'closing_soon', limit: 20, ...(after && { cursor: after }) } } })),
      vocabularyOf(api),
    ]);
    return {
      opportunities: page.items.map((opportunity) => ({ ...opportunity, hostName: vocabulary.organisations.get(opportunity.host.id) })),
      nextHref: page.nextCursor ? `/decisions?cursor=${encodeURIComponent(page.nextCursor)}` : null,
      firstPageHref: after ? '/decisions' : null,
    };
  }

  @Get('opportunities/:id')
  async show(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string): Promise<unknown> {
    return reply.view('decisions/views/opportunity.njk', await this.page(this.api.as(request), id));
  }

  @Post('opportunities/:id/applications/:applicationId/propose')
  async proposeFromApplication(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id', uuid) id: string,
    @Param('applicationId', uuid) applicationId: string,
  ): Promise<unknown> {
    const api = this.api.as(request);
    return this.proposed(request, reply, api, id, await api.POST('/api/matches', { body: { applicationId } }));
  }

  @Post('opportunities/:id/recommendations/:practitionerId/propose')
  async proposeFromRecommendation(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id', uuid) id: string,
    @Param('practitionerId', uuid) practitionerId: string,
  ): Promise<unknown> {
    const api = this.api.as(request);
    const proposed = await api.POST('/api/opportunities/{id}/recommendations/{practitionerId}/match', { params: { path: { id, practitionerId } } });
    return this.proposed(request, reply, api, id, proposed);
  }

  /** Back to the opportunity with the new match in its list, or with the API's reason it was refused. */
  private async proposed(
    request: FastifyRequest,
    reply: FastifyReply,
    api: ApiClient,
    id: string,
    outcome: { data?: unknown; error?: unknown; response: Response },
  ): Promise<unknown> {
    if (outcome.response.status === 409) {
      const errorList = [{ text: refusalOf(outcome.error, 'The match could not be proposed'), href: '#matches' }];
      return reply.code(409).view('decisions/views/opportunity.njk', { ...(await this.page(api, id)), errorList });
    }
    await answer(Promise.resolve(outcome));
    request.session.set('flash', { title: 'Match proposed', heading: 'The match is proposed', body: 'Approve or reject it in the list of matches.' });
    return reply.redirect(`/decisions/opportunities/${id}#matches`, 303);
  }

  private async page(api: ApiClient, id: string): Promise<object> {
    const [decisions, opportunity, recommendations, vocabulary] = await Promise.all([
      answer(api.GET('/api/opportunities/{id}/decisions', { params: { path: { id } } })),
      answer(api.GET('/api/opportunities/{id}', { params: { path: { id } } })),
      answer(api.GET('/api/opportunities/{id}/recommendations', { params: { path: { id } } })),
      vocabularyOf(api),
    ]);
    const specialismNames = (codes: string[]) => codes.map((code) => vocabulary.specialisms.get(code) ?? code);
    return {
      opportunity,
      places: decisions.opportunity,
      hostName: vocabulary.organisations.get(opportunity.host.id),
      applications: decisions.applications.map((item) => ({ ...item, specialismNames: specialismNames(item.practitioner.specialisms) })),
      // The best few beside the applications; the whole ranked list has a page of its own.
      recommendations: recommendations.slice(0, SIDE_BY_SIDE).map((item) => ({ ...item, specialismNames: specialismNames(item.practitioner.specialisms) })),
      recommendationCount: recommendations.length,
      matches: decisions.matches,
    };
  }
}
