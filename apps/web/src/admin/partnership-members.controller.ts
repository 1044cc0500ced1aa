import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Api, type ApiClient, answer } from '../api/api-client.js';
import { ApiProblem } from '../api/api-errors.js';
import { formErrors, textField } from '../layout/form-errors.js';
import { uuid } from '../layout/record-id.js';
import { SignedIn } from '../session/signed-in.guard.js';
import { allOrganisations } from './organisations.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One partnership as an admin runs it: its members and leads, adding and removing each. */
@Controller('admin/partnerships/:id')
@SignedIn('admin')
export class PartnershipMembersController {
  constructor(private readonly api: Api) {}

  @Get()
  async show(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string): Promise<unknown> {
    return reply.view('admin/views/partnership.njk', { partnership: await partnershipOf(this.api.as(request), id) });
  }

  @Get('members/add')
  async addMemberPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string): Promise<unknown> {
    return reply.view('partnership/views/add-member.njk', await this.addMemberModel(this.api.as(request), id));
  }

  @Post('members/add')
  async addMember(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string, @Body() body: unknown): Promise<unknown> {
    const api = this.api.as(request);
    const [organisationType, organisationId] = textField(body, 'organisation').split('/');
    if ((organisationType !== 'university' && organisationType !== 'council') || !organisationId || !UUID.test(organisationId)) {
      return reply.code(400).view('partnership/views/add-member.njk', { ...(await this.addMemberModel(api, id)), ...formErrors({ organisation: 'Select the university or council to add' }) });
    }
    const added = await api.POST('/api/partnerships/{id}/members', { params: { path: { id } }, body: { organisationType, organisationId } });
    if (!added.data) {
      // Someone else added it meanwhile, or it is gone: say so on the same question.
      if (added.response.status !== 409 && !(added.response.status === 404 && (await this.exists(api, id)))) return answer(Promise.resolve(added));
      const message = added.response.status === 409 ? 'It is already a member of this partnership' : 'That organisation is no longer registered: choose another';
      return reply.code(added.response.status).view('partnership/views/add-member.njk', { ...(await this.addMemberModel(api, id)), ...formErrors({ organisation: message }) });
    }
    const member = added.data.members.find((each) => each.organisationId === organisationId);
    request.session.set('flash', { title: 'Member added', heading: `${member?.name ?? 'The organisation'} is now a member of ${added.data.name}` });
    return reply.redirect(`/admin/partnerships/${id}`, 303);
  }

  @Get('members/:organisationId/remove')
  async removeMemberPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string, @Param('organisationId', uuid) organisationId: string): Promise<unknown> {
    const partnership = await partnershipOf(this.api.as(request), id);
    const member = partnership.members.find((each) => each.organisationId === organisationId);
    if (!member) throw new ApiProblem(404, {});
    return reply.view('partnership/views/remove-member.njk', { partnership, member, base: `/admin/partnerships/${id}` });
  }

  @Post('members/:organisationId/remove')
  async removeMember(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string, @Param('organisationId', uuid) organisationId: string): Promise<unknown> {
    const api = this.api.as(request);
    const partnership = await partnershipOf(api, id);
    const member = partnership.members.find((each) => each.organisationId === organisationId);
    await answer(api.DELETE('/api/partnerships/{id}/members/{organisationId}', { params: { path: { id, organisationId } } }));
    request.session.set('flash', { title: 'Member removed', heading: `${member?.name ?? 'The organisation'} is no longer a member of ${partnership.name}` });
    return reply.redirect(`/admin/partnerships/${id}`, 303);
  }

  @Get('leads/new')
  async appointLeadPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string, @Query() query: Record<string, unknown>): Promise<unknown> {
    return reply.view('admin/views/appoint-lead.njk', await this.appointLeadModel(this.api.as(request), id, textField(query, 'q').slice(0, 200)));
  }

  @Post('leads/new')
  async appointLead(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string, @Body() body: unknown): Promise<unknown> {
    const api = this.api.as(request);
    const userId = textField(body, 'userId');
    const refuse = async (status: number, message: string) =>
      reply.code(status).view('admin/views/appoint-lead.njk', { ...(await this.appointLeadModel(api, id, '')), ...formErrors({ userId: message }) });
    if (!UUID.test(userId)) return refuse(400, 'Select the lead to appoint');
    const appointed = await api.POST('/api/partnerships/{id}/leads', { params: { path: { id } }, body: { userId } });
    if (!appointed.data) {
      const status = appointed.response.status;
      if (status === 400) return refuse(400, 'That person’s role is not partnership lead: only partnership leads can be appointed');
      if (status === 409) return refuse(409, 'That person already leads this partnership');
      if (status === 404 && (await this.exists(api, id))) return refuse(404, 'That person is no longer on the service: select another');
      return answer(Promise.resolve(appointed));
    }
    const lead = appointed.data.leads.find((each) => each.userId === userId);
    request.session.set('flash', { title: 'Lead appointed', heading: `${lead?.displayName ?? 'They'} now leads ${appointed.data.name}` });
    return reply.redirect(`/admin/partnerships/${id}`, 303);
  }

  @Get('leads/:userId/remove')
  async standDownPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string, @Param('userId', uuid) userId: string): Promise<unknown> {
    const partnership = await partnershipOf(this.api.as(request), id);
    const lead = partnership.leads.find((each) => each.userId === userId);
    if (!lead) throw new ApiProblem(404, {});
    return reply.view('admin/views/stand-down-lead.njk', { partnership, lead });
  }

  @Post('leads/:userId/remove')
  async standDown(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string, @Param('userId', uuid) userId: string): Promise<unknown> {
    const api = this.api.as(request);
    const partnership = await partnershipOf(api, id);
    const lead = partnership.leads.find((each) => each.userId === userId);
    await answer(api.DELETE('/api/partnerships/{id}/leads/{userId}', { params: { path: { id, userId } } }));
    request.session.set('flash', { title: 'Lead stood down', heading: `${lead?.displayName ?? 'They'} no longer leads ${partnership.name}` });
    return reply.redirect(`/admin/partnerships/${id}`, 303);
  }

  /** The people whose role is partnership lead who do not lead it yet, by name; `q` narrows them when there are many. */
  private async appointLeadModel(api: ApiClient, id: string, q: string) {
    const [partnership, people] = await Promise.all([
      partnershipOf(api, id),
      answer(api.GET('/api/people', { params: { query: { role: 'partnership_lead', limit: 100, ...(q && { q }) } } })),
    ]);
    const leading = new Set(partnership.leads.map((lead) => lead.userId));
    const choices = people.items
      .filter((person) => !leading.has(person.id))
      .map((person) => ({ value: person.id, text: person.displayName, hint: { text: person.status === 'active' ? person.email : `${person.email} (invited, not signed in yet)` } }));
    return { partnership, choices, q, more: Boolean(people.nextCursor) || Boolean(q) };
  }

  /** The organisations that are not members yet, universities first. */
  private async addMemberModel(api: ApiClient, id: string) {
    const [partnership, { universities, councils }] = await Promise.all([partnershipOf(api, id), allOrganisations(api)]);
    const members = new Set(partnership.members.map((member) => member.organisationId));
    const choices = [...universities, ...councils]
      .filter((organisation) => !members.has(organisation.id))
      .map((organisation) => ({ value: `${organisation.type}/${organisation.id}`, text: organisation.name, hint: { text: organisation.type === 'university' ? 'University' : 'Council' } }));
    return { partnership, choices, base: `/admin/partnerships/${id}` };
  }

  /** Whether the partnership itself is there, to tell its 404 from that of what was chosen. */
  private async exists(api: ApiClient, id: string): Promise<boolean> {
    return (await api.GET('/api/partnerships/{id}', { params: { path: { id } } })).response.ok;
  }
}

function partnershipOf(api: ApiClient, id: string) {
  return answer(api.GET('/api/partnerships/{id}', { params: { path: { id } } }));
}
