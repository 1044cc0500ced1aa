import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Api, type ApiClient, answer } from '../api/api-client.js';
import { formErrors, textField } from '../layout/form-errors.js';
import { uuid } from '../layout/record-id.js';
import { SignedIn } from '../session/signed-in.guard.js';
import { specialismCode } from './specialism-code.js';

/** A partnership's own specialisms beside the shared ones, and adding one. */
@Controller('partnership/:id/specialisms')
@SignedIn('partnership_lead', 'admin')
export class PartnershipSpecialismsController {
  constructor(private readonly api: Api) {}

  @Get()
  async page(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string): Promise<unknown> {
    return reply.view('partnership/views/specialisms.njk', await this.locals(this.api.as(request), id, {}));
  }

  @Post()
  async add(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string, @Body() body: unknown): Promise<unknown> {
    const api = this.api.as(request);
    const label = textField(body, 'label');
    const existing = await answer(api.GET('/api/specialisms'));
    const taken = existing.find((specialism) => specialism.label.toLowerCase() === label.toLowerCase() || specialism.code === specialismCode(label));
    let message = !label
      ? 'Enter the name of the specialism'
      : label.length > 100
        ? 'The name must be 100 characters or fewer'
        : specialismCode(label).length < 3
          ? 'Enter a name of at least 3 letters or numbers'
          : taken
            ? `${taken.label} is a specialism already`
            : undefined;
    if (!message) {
      const added = await api.POST('/api/partnerships/{id}/specialisms', { params: { path: { id } }, body: { code: specialismCode(label), label } });
      // Added by someone else a moment ago, or elsewhere under the same code.
      if (added.response.status === 409) message = `${label} is a specialism already`;
      else if (added.response.status === 400) message = 'Enter the name using letters, numbers and spaces';
      else await answer(Promise.resolve(added));
    }
    if (message) return reply.code(400).view('partnership/views/specialisms.njk', await this.locals(api, id, { values: { label }, ...formErrors({ label: message }) }));
    request.session.set('flash', { title: 'Specialism added', heading: `${label} is now one of the partnership’s specialisms` });
    return reply.redirect(`/partnership/${id}/specialisms`, 303);
  }

  private async locals(api: ApiClient, id: string, form: object): Promise<object> {
    const [partnership, specialisms] = await Promise.all([answer(api.GET('/api/partnerships/{id}', { params: { path: { id } } })), answer(api.GET('/api/specialisms'))]);
    return {
      partnership,
      tab: 'specialisms',
      own: specialisms.filter((specialism) => specialism.partnershipId === id),
      shared: specialisms.filter((specialism) => specialism.partnershipId === null),
      ...form,
    };
  }
}
