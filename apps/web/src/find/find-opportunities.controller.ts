import { Controller, Get, Query, Render, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Api, answer } from '../api/api-client.js';
import { shortDate } from '../layout/dates.js';
import { formErrors } from '../layout/form-errors.js';
import { OPPORTUNITY_TYPE_LABELS } from '../layout/labels.js';
import { SignedIn } from '../session/signed-in.guard.js';
import { filterPanel } from './filter-panel.js';
import { vocabularyOf } from './organisation-names.js';
import { FORMAT_LABELS, readSearchForm, type SearchForm, searchLink } from './search-form.js';

/** Find opportunities: the filter panel, search words, sort and pages. */
@Controller('opportunities')
@SignedIn('practitioner')
export class FindOpportunitiesController {
  constructor(private readonly api: Api) {}

  @Get()
  @Render('find/views/find-opportunities.njk')
  async find(@Req() request: FastifyRequest, @Query() raw: Record<string, unknown>): Promise<object> {
    const api = this.api.as(request);
    const form = readSearchForm(raw);
    const invalid = formErrors(form.errors, { from: 'from-day', before: 'before-day' });
    const [vocabulary, page] = await Promise.all([
      vocabularyOf(api),
      invalid ? Promise.resolve({ items: [], nextCursor: null, total: 0 }) : answer(api.GET('/api/opportunities', { params: { query: form.query } })),
    ]);
    return {
      ...invalid,
      values: form.values,
      total: page.total,
      alertHref: alertLink(form),
      results: page.items.map((opportunity) => ({ ...opportunity, hostName: vocabulary.organisations.get(opportunity.host.id) })),
      nextHref: page.nextCursor ? searchLink(raw, { cursor: page.nextCursor }) : null,
      firstPageHref: raw.cursor ? searchLink(raw) : null,
      filterPanel: filterPanel(vocabulary, form, invalid?.errors, selectedFilters(form, raw, vocabulary.specialisms, vocabulary.organisations)),
    };
  }
}

/** The MOJ filter's "selected filters": each a link that drops it. */
function selectedFilters(form: SearchForm, raw: Record<string, unknown>, specialisms: Map<string, string>, organisations: Map<string, string>) {
  const { values } = form;
  const query = form.query;
  const categories = [
    values.q && { heading: { text: 'Keywords' }, items: [{ href: searchLink(raw, { q: null }), text: values.q }] },
    values.type && { heading: { text: 'Type' }, items: [{ href: searchLink(raw, { type: null }), text: OPPORTUNITY_TYPE_LABELS[values.type as keyof typeof OPPORTUNITY_TYPE_LABELS] }] },
    values.specialism && { heading: { text: 'Specialism' }, items: [{ href: searchLink(raw, { specialism: null }), text: specialisms.get(values.specialism) ?? values.specialism }] },
    values.host && { heading: { text: 'Organisation' }, items: [{ href: searchLink(raw, { host: null }), text: organisations.get(values.host) ?? 'Unknown' }] },
    query.startsFrom && { heading: { text: 'Starting from' }, items: [{ href: searchLink(raw, { 'from-day': null, 'from-month': null, 'from-year': null }), text: shortDate(query.startsFrom) }] },
    query.startsBefore && { heading: { text: 'Starting before' }, items: [{ href: searchLink(raw, { 'before-day': null, 'before-month': null, 'before-year': null }), text: shortDate(query.startsBefore) }] },
    values.formats.length > 0 && {
      heading: { text: 'Online or in person' },
      items: values.formats.map((format) => ({ href: searchLink(raw, { format: values.formats.filter((other) => other !== format) }), text: FORMAT_LABELS[format] })),
    },
    values.freePlaces && { heading: { text: 'Places' }, items: [{ href: searchLink(raw, { freePlaces: null }), text: 'With places left' }] },
  ].filter(Boolean);
  return categories.length ? { heading: { text: 'Selected filters' }, clearLink: { href: '/opportunities', text: 'Clear filters' }, categories } : null;
}

/** An email alert with this search's type, specialism and organisation ticked (alerts have no format). */
function alertLink({ values }: SearchForm): string {
  const params = new URLSearchParams(Object.entries({ type: values.type, specialism: values.specialism, host: values.host }).filter(([, value]) => value));
  return params.size ? `/alerts/new?${params}` : '/alerts/new';
}
