import { Controller, Get, Param, Query, Render } from '@nestjs/common';
import { Api, answer } from '../api/api-client.js';
import { textField } from '../layout/form-errors.js';
import { uuid } from '../layout/record-id.js';

const PAGE_SIZE = 20;

/** What partnerships that chose to list publicly show to anyone, without signing in. */
@Controller('partnerships')
export class PublicListingController {
  constructor(private readonly api: Api) {}

  @Get()
  @Render('listing/views/partnerships.njk')
  async partnerships(@Query() query: Record<string, unknown>): Promise<object> {
    const cursor = textField(query, 'cursor');
    const page = await answer(this.api.anonymous().GET('/api/public/partnerships', { params: { query: { limit: PAGE_SIZE, ...(cursor && { cursor }) } } }));
    return {
      partnerships: page.items,
      nextHref: page.nextCursor ? `/partnerships?${new URLSearchParams({ cursor: page.nextCursor })}` : null,
      firstPageHref: cursor ? '/partnerships' : null,
    };
  }

  @Get(':id')
  @Render('listing/views/partnership.njk')
  async partnership(@Param('id', uuid) id: string, @Query() query: Record<string, unknown>): Promise<object> {
    const api = this.api.anonymous();
    const cursor = textField(query, 'cursor');
    const [partnership, opportunities] = await Promise.all([
      answer(api.GET('/api/public/partnerships/{id}', { params: { path: { id } } })),
      answer(api.GET('/api/public/partnerships/{id}/opportunities', { params: { path: { id }, query: { limit: PAGE_SIZE, ...(cursor && { cursor }) } } })),
    ]);
    const hosts = new Map(partnership.members.map((member) => [member.organisationId, member.name]));
    return {
      partnership,
      universities: partnership.members.filter((member) => member.organisationType === 'university'),
      councils: partnership.members.filter((member) => member.organisationType === 'council'),
      opportunities: opportunities.items.map((opportunity) => ({ ...opportunity, hostName: hosts.get(opportunity.host.id) })),
      nextHref: opportunities.nextCursor ? `/partnerships/${id}?${new URLSearchParams({ cursor: opportunities.nextCursor })}` : null,
      firstPageHref: cursor ? `/partnerships/${id}` : null,
    };
  }
}
