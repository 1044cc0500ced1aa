import { Body, Controller, Get, HttpCode, Post, Query, Render, Res } from '@nestjs/common';
import { isUUID } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Api, answer } from '../api/api-client.js';
import { formErrors, textField } from '../layout/form-errors.js';
import { OPPORTUNITY_TYPE_LABELS } from '../layout/labels.js';
import { FREQUENCY_LABELS, readAlertForm } from './alert-form.js';

/** Anyone may ask for email about new opportunities; nothing is sent until they confirm by email. */
@Controller('subscribe')
export class SubscribeController {
  constructor(private readonly api: Api) {}

  @Get()
  @Render('alerts/views/subscribe.njk')
  async page(@Query() query: Record<string, unknown>): Promise<object> {
    return { ...formModel({ email: '', frequency: '', types: [] }), partnership: await this.listedPartnership(textField(query, 'partnership')) };
  }

  @Post()
  @HttpCode(200)
  async subscribe(@Res() reply: FastifyReply, @Body() body: unknown): Promise<unknown> {
    const form = readAlertForm(body);
    const email = textField(body, 'email');
    const invalid = formErrors(
      { email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? undefined : 'Enter an email address in the correct format, like name@example.com', ...form.errors },
      { frequency: 'frequency' },
    );
    const values = { email, frequency: form.values.frequency, types: form.values.types };
    const partnership = await this.listedPartnership(textField(body, 'partnershipId'));
    if (invalid || !form.filters) return reply.code(400).view('alerts/views/subscribe.njk', { ...formModel(values), partnership, ...invalid });
    const requested = await this.api.anonymous().POST('/api/subscriptions', {
      body: { email, frequency: form.filters.frequency, types: form.filters.types, ...(partnership && { partnershipId: partnership.id }) },
    });
    if (requested.response.status === 400) {
      const emailError = formErrors({ email: 'Enter an email address in the correct format, like name@example.com' });
      return reply.code(400).view('alerts/views/subscribe.njk', { ...formModel(values), partnership, ...emailError });
    }
    await answer(Promise.resolve(requested));
    return reply.view('alerts/views/check-your-email.njk', { email });
  }

  /** The partnership an alert is narrowed to, when it is one that lists publicly; otherwise none, quietly. */
  private async listedPartnership(id: string): Promise<{ id: string; name: string } | null> {
    if (!isUUID(id)) return null;
    const found = await this.api.anonymous().GET('/api/public/partnerships/{id}', { params: { path: { id } } });
    if (found.response.status === 404) return null;
    const { name } = await answer(Promise.resolve(found));
    return { id, name };
  }
}

function formModel(values: { email: string; frequency: string; types: string[] }) {
  return {
    values,
    frequencyItems: Object.entries(FREQUENCY_LABELS).map(([value, text]) => ({ value, text })),
    typeItems: Object.entries(OPPORTUNITY_TYPE_LABELS).map(([value, text]) => ({ value, text, checked: values.types.includes(value) })),
  };
}
