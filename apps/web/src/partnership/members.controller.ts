import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Api, type ApiClient, answer } from '../api/api-client.js';
import { ApiProblem } from '../api/api-errors.js';
import { formErrors, textField } from '../layout/form-errors.js';
import { uuid } from '../layout/record-id.js';
import { SignedIn } from '../session/signed-in.guard.js';

/** A lead adds a university or council to their partnership, and removes one. */
@Controller('partnership/:id/members')
@SignedIn('partnership_lead', 'admin')
export class PartnershipMembersController {
  constructor(private readonly api: Api) {}

  @Get('add')
  async addPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string): Promise<unknown> {
    const api = this.api.as(request);
    const partnership = await partnershipOf(api, id);
    return reply.view('partnership/views/add-member.njk', { partnership, choices: await joinable(api, partnership, '') });
  }

  @Post('add')
  async add(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string, @Body() body: unknown): Promise<unknown> {
    const api = this.api.as(request);
    const partnership = await partnershipOf(api, id);
    const chosen = textField(body, 'organisation');
    const choices = await joinable(api, partnership, chosen);
    const choice = choices.find((item) => item.value === chosen);
    if (!choice) {
      return reply.code(400).view('partnership/views/add-member.njk', { partnership, choices, ...formErrors({ organisation: 'Select the university or council that is joining' }, { organisation: 'organisation' }) });
    }
    const [organisationType, organisationId] = chosen.split(':') as ['university' | 'council', string];
    await answer(api.POST('/api/partnerships/{id}/members', { params: { path: { id } }, body: { organisationType, organisationId } }));
    request.session.set('flash', { title: 'Member added', heading: `${choice.text} is now a member of ${partnership.name}` });
    return reply.redirect(`/partnership/${id}`, 303);
  }

  @Get(':organisationId/remove')
  async removePage(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string, @Param('organisationId', uuid) organisationId: string): Promise<unknown> {
    const partnership = await partnershipOf(this.api.as(request), id);
    return reply.view('partnership/views/remove-member.njk', { partnership, member: memberOf(partnership, organisationId) });
  }

  @Post(':organisationId/remove')
  async remove(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string, @Param('organisationId', uuid) organisationId: string): Promise<unknown> {
    const api = this.api.as(request);
    const member = memberOf(await partnershipOf(api, id), organisationId);
    await answer(api.DELETE('/api/partnerships/{id}/members/{organisationId}', { params: { path: { id, organisationId } } }));
    request.session.set('flash', { title: 'Member removed', heading: `${member.name} is no longer a member` });
    return reply.redirect(`/partnership/${id}`, 303);
  }
}

type Partnership = Awaited<ReturnType<typeof partnershipOf>>;

function partnershipOf(api: ApiClient, id: string) {
  return answer(api.GET('/api/partnerships/{id}', { params: { path: { id } } }));
}

function memberOf(partnership: Partnership, organisationId: string) {
  const member = partnership.members.find((item) => item.organisationId === organisationId);
  if (!member) throw new ApiProblem(404, {});
  return member;
}

/** The universities and councils not yet in the partnership, as radios. */
async function joinable(api: ApiClient, partnership: Partnership, chosen: string) {
  const members = new Set(partnership.members.map((member) => member.organisationId));
  const [universities, councils] = await Promise.all([
    answer(api.GET('/api/universities', { params: { query: { limit: 100 } } })),
    answer(api.GET('/api/councils', { params: { query: { limit: 100 } } })),
  ]);
  const item = (type: 'university' | 'council', id: string, name: string) => ({
    value: `${type}:${id}`,
    text: name,
    hint: { text: type === 'university' ? 'University' : 'Council' },
    checked: `${type}:${id}` === chosen,
  });
  return [
    ...universities.items.filter((university) => !members.has(university.id)).map((university) => item('university', university.id, university.name)),
    ...councils.items.filter((council) => !members.has(council.id)).map((council) => item('council', council.id, council.name)),
  ];
}
