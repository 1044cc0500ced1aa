import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { paths } from '#libs/api-contract';
import { Api, type ApiClient, answer } from '../api/api-client.js';
import { ApiProblem } from '../api/api-errors.js';
import { textField } from '../layout/form-errors.js';
import { PERSON_STATUS_LABELS, ROLE_LABELS } from '../layout/labels.js';
import { uuid } from '../layout/record-id.js';
import { SignedIn } from '../session/signed-in.guard.js';
import { signedInSession } from '../session/web-session.js';
import { ADMIN_SCOPE, partnershipScope, type PeopleScope } from './people-scope.js';

type PeopleQuery = NonNullable<paths['/api/people']['get']['parameters']['query']>;

const PAGE_SIZE = 25;

/**
 * The people a lead's partnership has (and everyone, for an admin): who they are, where their
 * invitation stands, and re-sending or withdrawing one that is not yet accepted.
 */
@Controller()
export class PeopleController {
  constructor(private readonly api: Api) {}

  @Get('people')
  @SignedIn('partnership_lead', 'admin')
  async start(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<unknown> {
    if (signedInSession(request)?.person.role === 'admin') return reply.redirect(ADMIN_SCOPE.base, 303);
    const partnerships = await answer(this.api.as(request).GET('/api/partnerships', { params: { query: { limit: 100 } } }));
    if (partnerships.items.length === 1) return reply.redirect(`/partnership/${partnerships.items[0]!.id}/people`, 303);
    return reply.redirect('/partnership', 303);
  }

  @Get('partnership/:id/people')
  @SignedIn('partnership_lead', 'admin')
  async partnershipPeople(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string, @Query() query: unknown): Promise<unknown> {
    const api = this.api.as(request);
    return this.list(reply, api, await partnershipScope(api, id), query);
  }

  @Get('admin/people')
  @SignedIn('admin')
  adminPeople(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query() query: unknown): Promise<unknown> {
    return this.list(reply, this.api.as(request), ADMIN_SCOPE, query);
  }

  @Get('partnership/:id/people/:personId/resend')
  @SignedIn('partnership_lead', 'admin')
  async partnershipResendPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string, @Param('personId', uuid) personId: string): Promise<unknown> {
    const api = this.api.as(request);
    return this.invitationPage(reply, api, await partnershipScope(api, id), personId, 'resend');
  }

  @Get('admin/people/:personId/resend')
  @SignedIn('admin')
  adminResendPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('personId', uuid) personId: string): Promise<unknown> {
    return this.invitationPage(reply, this.api.as(request), ADMIN_SCOPE, personId, 'resend');
  }

  @Post('partnership/:id/people/:personId/resend')
  @SignedIn('partnership_lead', 'admin')
  async partnershipResend(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string, @Param('personId', uuid) personId: string): Promise<unknown> {
    const api = this.api.as(request);
    return this.resend(request, reply, api, await partnershipScope(api, id), personId);
  }

  @Post('admin/people/:personId/resend')
  @SignedIn('admin')
  adminResend(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('personId', uuid) personId: string): Promise<unknown> {
    return this.resend(request, reply, this.api.as(request), ADMIN_SCOPE, personId);
  }

  @Get('partnership/:id/people/:personId/withdraw')
  @SignedIn('partnership_lead', 'admin')
  async partnershipWithdrawPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string, @Param('personId', uuid) personId: string): Promise<unknown> {
    const api = this.api.as(request);
    return this.invitationPage(reply, api, await partnershipScope(api, id), personId, 'withdraw');
  }

  @Get('admin/people/:personId/withdraw')
  @SignedIn('admin')
  adminWithdrawPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('personId', uuid) personId: string): Promise<unknown> {
    return this.invitationPage(reply, this.api.as(request), ADMIN_SCOPE, personId, 'withdraw');
  }

  @Post('partnership/:id/people/:personId/withdraw')
  @SignedIn('partnership_lead', 'admin')
  async partnershipWithdraw(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string, @Param('personId', uuid) personId: string): Promise<unknown> {
    const api = this.api.as(request);
    return this.withdraw(request, reply, api, await partnershipScope(api, id), personId);
  }

  @Post('admin/people/:personId/withdraw')
  @SignedIn('admin')
  adminWithdraw(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('personId', uuid) personId: string): Promise<unknown> {
    return this.withdraw(request, reply, this.api.as(request), ADMIN_SCOPE, personId);
  }

  private async list(reply: FastifyReply, api: ApiClient, scope: PeopleScope, query: unknown): Promise<unknown> {
    const filters = {
      q: textField(query, 'q'),
      role: textField(query, 'role'),
      status: textField(query, 'status'),
      organisationId: textField(query, 'organisationId'),
    };
    const cursor = textField(query, 'cursor');
    const problems: Record<string, string> = {};
    // A filter's value that the select never offered is left out, rather than failing the page.
    if (filters.role && !(filters.role in ROLE_LABELS)) filters.role = '';
    if (filters.status && !(filters.status in PERSON_STATUS_LABELS)) filters.status = '';
    const organisations = scope.partnership?.members ?? [];
    if (filters.organisationId && !organisations.some((member) => member.organisationId === filters.organisationId)) filters.organisationId = '';
    if (filters.q.length > 200) problems.q = 'Search for 200 characters or fewer';
    const given = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== ''));
    const page = problems.q
      ? { items: [], nextCursor: null }
      : await answer(
          api.GET('/api/people', {
            // role and status are among the labels' codes, checked above.
            params: { query: { limit: PAGE_SIZE, ...(given as Partial<PeopleQuery>), ...(scope.partnership && { partnershipId: scope.partnership.id }), ...(cursor && { cursor }) } },
          }),
        );
    const next = page.nextCursor ? `${scope.base}?${new URLSearchParams({ ...given, cursor: page.nextCursor })}` : null;
    const options = (labels: Record<string, string>, chosen: string, every: string) => [
      { value: '', text: every },
      ...Object.entries(labels).map(([value, text]) => ({ value, text, selected: value === chosen })),
    ];
    return reply.code(problems.q ? 400 : 200).view('people/views/people.njk', {
      scope,
      partnership: scope.partnership,
      tab: 'people',
      filters,
      filtered: Object.keys(given).length > 0,
      roleItems: options(scope.partnership ? { academic: ROLE_LABELS.academic, practitioner: ROLE_LABELS.practitioner, partnership_lead: ROLE_LABELS.partnership_lead } : ROLE_LABELS, filters.role, 'Any role'),
      statusItems: options(PERSON_STATUS_LABELS, filters.status, 'Any status'),
      organisationItems: [
        { value: '', text: 'Any organisation' },
        ...organisations.map((member) => ({ value: member.organisationId, text: member.name, selected: member.organisationId === filters.organisationId })),
      ],
      people: page.items,
      nextHref: next,
      firstHref: cursor ? `${scope.base}?${new URLSearchParams(given)}` : null,
      ...(problems.q && { errorList: [{ text: problems.q, href: '#q' }], errors: { q: { text: problems.q } } }),
    });
  }

  private async invitationPage(reply: FastifyReply, api: ApiClient, scope: PeopleScope, personId: string, action: 'resend' | 'withdraw'): Promise<unknown> {
    const person = await invitedPerson(api, personId);
    return reply.view(`people/views/${action}.njk`, { scope, person });
  }

  private async resend(request: FastifyRequest, reply: FastifyReply, api: ApiClient, scope: PeopleScope, personId: string): Promise<unknown> {
    const person = await invitedPerson(api, personId);
    await answer(api.POST('/api/invitations/{id}/resend', { params: { path: { id: person.invitation!.id } } }));
    request.session.set('flash', { title: 'Invitation sent again', heading: `We have emailed ${person.displayName} a new link`, body: 'The link in the earlier email no longer works.' });
    return reply.redirect(scope.base, 303);
  }

  private async withdraw(request: FastifyRequest, reply: FastifyReply, api: ApiClient, scope: PeopleScope, personId: string): Promise<unknown> {
    const person = await invitedPerson(api, personId);
    await answer(api.DELETE('/api/invitations/{id}', { params: { path: { id: person.invitation!.id } } }));
    request.session.set('flash', { title: 'Invitation withdrawn', heading: `${person.displayName}’s invitation is withdrawn`, body: 'The link we emailed them no longer works. You can invite them again.' });
    return reply.redirect(scope.base, 303);
  }
}

/** Someone whose invitation is not yet accepted; anyone else has no invitation to act on (404). */
async function invitedPerson(api: ApiClient, id: string) {
  const person = await answer(api.GET('/api/people/{id}', { params: { path: { id } } }));
  if (!person.invitation) throw new ApiProblem(404, {});
  return person;
}
