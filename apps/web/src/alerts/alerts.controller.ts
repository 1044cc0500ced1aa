import { Body, Controller, Get, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Api, type ApiClient, answer } from '../api/api-client.js';
import { formErrors } from '../layout/form-errors.js';
import { listField } from '../layout/form-fields.js';
import { OPPORTUNITY_TYPE_LABELS } from '../layout/labels.js';
import { vocabularyOf } from '../find/organisation-names.js';
import { SignedIn } from '../session/signed-in.guard.js';
import { alertFromSearch, type AlertValues, FREQUENCY_LABELS, readAlertForm } from './alert-form.js';
import { uuid } from '../layout/record-id.js';


const PREFERENCES = [
  { name: 'applications', text: 'Applications to opportunities I host or lead' },
  { name: 'matches', text: 'Matches to decide, and matches approved for opportunities I host' },
  { name: 'opportunity_changes', text: 'Changes to opportunities I applied for, and when they fill' },
  { name: 'recommendations', text: 'Opportunities recommended for me (a few a week at most)' },
] as const;

/** A signed-in person's email alerts about new opportunities, and which other emails they get. */
@Controller('alerts')
@SignedIn()
export class AlertsController {
  constructor(private readonly api: Api) {}

  @Get()
  @Render('alerts/views/alerts.njk')
  async list(@Req() request: FastifyRequest): Promise<object> {
    const api = this.api.as(request);
    const [subscriptions, vocabulary] = await Promise.all([answer(api.GET('/api/me/subscriptions')), vocabularyOf(api)]);
    return {
      alerts: subscriptions
        .filter((subscription) => subscription.status !== 'cancelled')
        .map((subscription) => ({
          ...subscription,
          frequencyText: FREQUENCY_LABELS[subscription.frequency],
          typeNames: subscription.types.map((type) => OPPORTUNITY_TYPE_LABELS[type as keyof typeof OPPORTUNITY_TYPE_LABELS] ?? type),
          specialismNames: subscription.specialisms.map((code) => vocabulary.specialisms.get(code) ?? code),
          hostNames: subscription.hostOrganisationIds.map((id) => vocabulary.organisations.get(id) ?? 'An organisation'),
        })),
    };
  }

  @Get('new')
  async newPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query() query: Record<string, unknown>): Promise<unknown> {
    return reply.view('alerts/views/new-alert.njk', await this.formModel(this.api.as(request), alertFromSearch(query)));
  }

  @Post('new')
  async create(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() body: unknown): Promise<unknown> {
    const api = this.api.as(request);
    const form = readAlertForm(body);
    if (!form.filters) return reply.code(400).view('alerts/views/new-alert.njk', { ...(await this.formModel(api, form.values)), ...formErrors(form.errors, { frequency: 'frequency' }) });
    await answer(api.POST('/api/me/subscriptions', { body: form.filters }));
    request.session.set('flash', { title: 'Alert set up', heading: 'Your email alert is set up', body: `You will get email ${FREQUENCY_LABELS[form.filters.frequency].toLowerCase()} when new opportunities match it.` });
    return reply.redirect('/alerts', 303);
  }

  @Get(':id/cancel')
  @Render('alerts/views/cancel-alert.njk')
  cancelPage(@Param('id', uuid) id: string): object {
    return { id };
  }

  @Post(':id/cancel')
  async cancel(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string): Promise<unknown> {
    await answer(this.api.as(request).DELETE('/api/me/subscriptions/{id}', { params: { path: { id } } }));
    request.session.set('flash', { title: 'Alert cancelled', heading: 'Your email alert is cancelled' });
    return reply.redirect('/alerts', 303);
  }

  @Get('preferences')
  @Render('alerts/views/preferences.njk')
  async preferencesPage(@Req() request: FastifyRequest): Promise<object> {
    const preferences = await answer(this.api.as(request).GET('/api/me/preferences'));
    return { items: PREFERENCES.map((preference) => ({ value: preference.name, text: preference.text, checked: Boolean(preferences[preference.name]) })) };
  }

  @Post('preferences')
  async savePreferences(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() body: unknown): Promise<unknown> {
    const chosen = new Set(listField(body, 'kinds'));
    const preferences = Object.fromEntries(PREFERENCES.map((preference) => [preference.name, chosen.has(preference.name)])) as Record<(typeof PREFERENCES)[number]['name'], boolean>;
    await answer(this.api.as(request).PUT('/api/me/preferences', { body: preferences }));
    request.session.set('flash', { title: 'Saved', heading: 'Your email choices are saved' });
    return reply.redirect('/alerts', 303);
  }

  private async formModel(api: ApiClient, values: AlertValues) {
    const vocabulary = await vocabularyOf(api);
    const items = (names: Map<string, string> | Record<string, string>, chosen: string[]) =>
      [...(names instanceof Map ? names.entries() : Object.entries(names))]
        .sort(([, a], [, b]) => a.localeCompare(b))
        .map(([value, text]) => ({ value, text, checked: chosen.includes(value) }));
    return {
      values,
      frequencyItems: Object.entries(FREQUENCY_LABELS).map(([value, text]) => ({ value, text })),
      typeItems: Object.entries(OPPORTUNITY_TYPE_LABELS).map(([value, text]) => ({ value, text, checked: values.types.includes(value) })),
      specialismItems: items(vocabulary.specialisms, values.specialisms),
      hostItems: items(vocabulary.organisations, values.hosts),
    };
  }
}
