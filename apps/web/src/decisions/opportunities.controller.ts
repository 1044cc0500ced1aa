import { Controller, Get, Param, Query, Render, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Api, answer } from '../api/api-client.js';
import { SignedIn } from '../session/signed-in.guard.js';
import { vocabularyOf } from '../find/organisation-names.js';
import { uuid } from '../layout/record-id.js';

const SIDE_BY_SIDE = 5;

/**
 * A lead's open opportunities, and one opportunity's applications and recommendations side by side,
 * to propose matches from (on the one confirmation page, under /manage).
 */
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
  @Render('decisions/views/opportunity.njk')
  async show(@Req() request: FastifyRequest, @Param('id', uuid) id: string): Promise<object> {
    const api = this.api.as(request);
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
