import { Body, Controller, Get, HttpCode, Post, Render, Res } from '@nestjs/common';
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
  page(): object {
    return formModel({ email: '', frequency: '', types: [] });
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
    if (invalid || !form.filters) return reply.code(400).view('alerts/views/subscribe.njk', { ...formModel(values), ...invalid });
    const requested = await this.api.anonymous().POST('/api/subscriptions', { body: { email, frequency: form.filters.frequency, types: form.filters.types } });
    if (requested.response.status === 400) {
      return reply.code(400).view('alerts/views/subscribe.njk', { ...formModel(values), ...formErrors({ email: 'Enter an email address in the correct format, like name@example.com' }) });
    }
    await answer(Promise.resolve(requested));
    return reply.view('alerts/views/check-your-email.njk', { email });
  }
}

function formModel(values: { email: string; frequency: string; types: string[] }) {
  return {
    values,
    frequencyItems: Object.entries(FREQUENCY_LABELS).map(([value, text]) => ({ value, text })),
    typeItems: Object.entries(OPPORTUNITY_TYPE_LABELS).map(([value, text]) => ({ value, text, checked: values.types.includes(value) })),
  };
}
