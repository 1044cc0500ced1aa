import { Body, Controller, Get, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Api, type ApiClient, answer } from '../api/api-client.js';
import { textField } from '../layout/form-errors.js';
import { uuid } from '../layout/record-id.js';
import { SignedIn } from '../session/signed-in.guard.js';

const isUuid = (text: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text);
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** "match.approved" as people read it: "Match approved". */
function eventName(type: string): string {
  const words = type.replace(/[._]/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A partnership as its leads run it: members and leads, settings, and the audit trail. */
@Controller('partnership')
@SignedIn('partnership_lead', 'admin')
export class PartnershipController {
  constructor(private readonly api: Api) {}

  @Get()
  async list(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<unknown> {
    const partnerships = await answer(this.api.as(request).GET('/api/partnerships', { params: { query: { limit: 100 } } }));
    if (partnerships.items.length === 1) return reply.redirect(`/partnership/${partnerships.items[0]!.id}`, 303);
    return reply.view('partnership/views/partnerships.njk', { partnerships: partnerships.items });
  }

  @Get(':id')
  @Render('partnership/views/members.njk')
  async members(@Req() request: FastifyRequest, @Param('id', uuid) id: string): Promise<object> {
    return { partnership: await this.partnership(this.api.as(request), id), tab: 'members' };
  }

  @Get(':id/settings')
  @Render('partnership/views/settings.njk')
  async settingsPage(@Req() request: FastifyRequest, @Param('id', uuid) id: string): Promise<object> {
    const api = this.api.as(request);
    const [partnership, settings] = await Promise.all([this.partnership(api, id), answer(api.GET('/api/partnerships/{id}/settings', { params: { path: { id } } }))]);
    return { partnership, settings, tab: 'settings' };
  }

  @Post(':id/settings')
  async saveSettings(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string, @Body() body: unknown): Promise<unknown> {
    // Every setting is on the page, so an unticked box is a setting turned off.
    const settings = { academicsMayProposeMatches: textField(body, 'academicsMayProposeMatches') === 'yes', listsPublicly: textField(body, 'listsPublicly') === 'yes' };
    await answer(this.api.as(request).PATCH('/api/partnerships/{id}/settings', { params: { path: { id } }, body: settings }));
    request.session.set('flash', { title: 'Saved', heading: 'The partnership’s settings are saved' });
    return reply.redirect(`/partnership/${id}/settings`, 303);
  }

  @Get(':id/audit')
  @Render('partnership/views/audit.njk')
  async audit(@Req() request: FastifyRequest, @Param('id', uuid) id: string, @Query() query: Record<string, unknown>): Promise<object> {
    const api = this.api.as(request);
    const type = textField(query, 'type');
    const cursor = textField(query, 'cursor');
    // An address edited by hand to a malformed id shows every record, as the select would.
    const actorId = isUuid(textField(query, 'actorId')) ? textField(query, 'actorId') : '';
    const recordId = /^[A-Za-z0-9_-]{1,100}$/.test(textField(query, 'recordId')) ? textField(query, 'recordId') : '';
    const filters = { ...(type && { type }), ...(actorId && { actorId }), ...(recordId && { recordId }) };
    const [partnership, page, actors] = await Promise.all([
      this.partnership(api, id),
      answer(api.GET('/api/partnerships/{id}/audit', { params: { path: { id }, query: { limit: 25, ...filters, ...(cursor && { cursor }) } } })),
      answer(api.GET('/api/partnerships/{id}/audit/people', { params: { path: { id } } })),
    ]);
    const base = `/partnership/${id}/audit`;
    const next = new URLSearchParams({ ...filters, ...(page.nextCursor && { cursor: page.nextCursor }) });
    const onlyRecord = (recordOf: string) => `${base}?${new URLSearchParams({ recordId: recordOf })}`;
    return {
      partnership,
      tab: 'audit',
      type,
      recordId,
      everyRecordHref: recordId ? `${base}?${new URLSearchParams({ ...(type && { type }), ...(actorId && { actorId }) })}` : null,
      typeItems: [{ value: '', text: 'Every kind of change' }, ...AUDITED_TYPES.map((value) => ({ value, text: eventName(value), selected: value === type }))],
      actorItems: [{ value: '', text: 'Anyone' }, ...actors.map((actor) => ({ value: actor.id, text: actor.displayName, selected: actor.id === actorId }))],
      timeline: page.items.map((entry) => ({
        label: { text: eventName(entry.type) },
        html: recordId
          ? escapeHtml(`${entry.recordType} ${entry.recordId}`)
          : `${escapeHtml(`${entry.recordType} ${entry.recordId}`)}<br><a class="govuk-link" href="${escapeHtml(onlyRecord(entry.recordId))}">Show only this record’s changes<span class="govuk-visually-hidden"> (${escapeHtml(entry.recordType)} ${escapeHtml(entry.recordId)})</span></a>`,
        datetime: { timestamp: entry.occurredAt, type: 'datetime' },
        byline: { text: entry.actorName ?? 'The service' },
      })),
      nextHref: page.nextCursor ? `${base}?${next}` : null,
    };
  }

  private partnership(api: ApiClient, id: string) {
    return answer(api.GET('/api/partnerships/{id}', { params: { path: { id } } }));
  }
}

/** The changes a lead most often looks for; the API takes any event type. */
const AUDITED_TYPES = [
  'opportunity.published',
  'opportunity.cancelled',
  'application.submitted',
  'application.withdrawn',
  'match.proposed',
  'match.approved',
  'match.rejected',
  'partnership.member_added',
  'partnership.member_removed',
  'partnership.settings_changed',
  'specialism.added',
  'user.invited',
  'user.invitation_withdrawn',
];
