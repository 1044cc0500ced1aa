import { Body, Controller, Get, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { operations } from '#libs/api-contract';
import { Api, answer } from '../api/api-client.js';
import { refusalOf } from '../api/api-errors.js';
import { vocabularyOf } from '../find/organisation-names.js';
import { formErrors, textField } from '../layout/form-errors.js';
import { OPPORTUNITY_STATUS_LABELS } from '../layout/labels.js';
import { SignedIn } from '../session/signed-in.guard.js';
import { draftOf, keepDraft, signedInSession } from '../session/web-session.js';
import { editKey, managedOpportunity, managePath, type Opportunity, opportunityTabs } from './managed-opportunity.js';
import { uuid } from '../layout/record-id.js';

type Status = Opportunity['status'];
type ListQuery = NonNullable<operations['OpportunitiesController_find']['parameters']['query']>;

const TABS: Status[] = ['draft', 'published', 'closed', 'filled', 'completed', 'cancelled'];
const REASON_LIMIT = 1000;

/** A lifecycle move and its confirmation page's words. */
const MOVES = {
  publish: { question: 'Are you sure you want to publish this opportunity?', button: 'Publish', done: 'published' },
  close: { question: 'Are you sure you want to close this opportunity for applications?', button: 'Close for applications', done: 'closed for applications' },
  complete: { question: 'Are you sure you want to mark this opportunity as completed?', button: 'Mark as completed', done: 'marked as completed' },
} as const;
type Move = keyof typeof MOVES;

/** An academic's (or a lead's) opportunities: the list by status, one opportunity, and its lifecycle. */
@Controller('manage/opportunities')
@SignedIn('academic', 'partnership_lead')
export class ManageOpportunitiesController {
  constructor(private readonly api: Api) {}

  @Get()
  @Render('manage/views/opportunities.njk')
  async list(@Req() request: FastifyRequest, @Query('status') statusText: unknown, @Query('cursor') cursorText: unknown): Promise<object> {
    const api = this.api.as(request);
    const status = TABS.includes(statusText as Status) ? (statusText as Status) : 'published';
    const cursor = typeof cursorText === 'string' && cursorText.length < 500 ? cursorText : undefined;
    const me = await answer(api.GET('/api/me'));
    // An academic sees their university's; a lead, every member's of the partnerships they lead.
    const query: ListQuery = { status, limit: 20, sort: status === 'draft' ? 'newest' : 'soonest', ...(me.universityId && { hostOrganisationId: me.universityId }), ...(cursor && { cursor }) };
    const [page, vocabulary] = await Promise.all([answer(api.GET('/api/opportunities', { params: { query } })), vocabularyOf(api)]);
    const tabHref = (tab: Status) => `/manage/opportunities?status=${tab}`;
    return {
      status,
      statusLabel: OPPORTUNITY_STATUS_LABELS[status],
      tabs: TABS.map((tab) => ({ text: OPPORTUNITY_STATUS_LABELS[tab], href: tabHref(tab), active: tab === status })),
      opportunities: page.items.map((opportunity) => ({ ...opportunity, hostName: vocabulary.organisations.get(opportunity.host.id) })),
      showHost: signedInSession(request)!.person.role !== 'academic',
      nextHref: page.nextCursor ? `${tabHref(status)}&cursor=${encodeURIComponent(page.nextCursor)}` : null,
      firstPageHref: cursor ? tabHref(status) : null,
    };
  }

  @Get(':id')
  async show(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string): Promise<unknown> {
    const { opportunity, vocabulary, hostName } = await managedOpportunity(this.api.as(request), id);
    // Coming back here leaves an edit that was not saved.
    if (draftOf(request, editKey(id))) keepDraft(request, editKey(id), undefined);
    return reply.view('manage/views/opportunity.njk', {
      opportunity,
      hostName,
      tabs: opportunityTabs(opportunity, 'overview'),
      specialismNames: opportunity.requiredSpecialisms.map((code) => vocabulary.specialisms.get(code) ?? code),
    });
  }

  @Get([':id/publish', ':id/close', ':id/complete'])
  async movePage(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string): Promise<unknown> {
    const move = moveOf(request);
    const { opportunity, hostName } = await managedOpportunity(this.api.as(request), id);
    return reply.view('manage/views/confirm-move.njk', { opportunity, hostName, move, words: MOVES[move] });
  }

  @Post([':id/publish', ':id/close', ':id/complete'])
  async moveOn(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string): Promise<unknown> {
    const move = moveOf(request);
    const api = this.api.as(request);
    const path = { params: { path: { id } } };
    const moved =
      move === 'publish'
        ? await api.POST('/api/opportunities/{id}/publish', path)
        : move === 'close'
          ? await api.POST('/api/opportunities/{id}/close', path)
          : await api.POST('/api/opportunities/{id}/complete', path);
    if (!moved.data) {
      // The API says why not (its state, its closing date): on the page that asked.
      if (![400, 403, 409].includes(moved.response.status)) return answer(Promise.resolve(moved));
      const { opportunity, hostName } = await managedOpportunity(api, id);
      return reply.code(moved.response.status).view('manage/views/confirm-move.njk', {
        opportunity,
        hostName,
        move,
        words: MOVES[move],
        errorList: [{ text: refusalOf(moved.error, `The opportunity could not be ${MOVES[move].done}`), href: '#confirm' }],
      });
    }
    request.session.set('flash', { heading: `${moved.data.title} is ${MOVES[move].done}` });
    return reply.redirect(managePath(id), 303);
  }

  @Get(':id/cancel')
  async cancelPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string): Promise<unknown> {
    const { opportunity, hostName } = await managedOpportunity(this.api.as(request), id);
    return reply.view('manage/views/cancel.njk', { opportunity, hostName, values: { reason: draftOf<{ reason: string }>(request, cancelKey(id))?.reason ?? '' }, limit: REASON_LIMIT });
  }

  @Post(':id/cancel')
  async cancelReason(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string, @Body() body: unknown): Promise<unknown> {
    const reason = textField(body, 'reason');
    const invalid = formErrors({
      reason: !reason ? 'Enter why you are cancelling it' : reason.length > REASON_LIMIT ? `The reason must be ${REASON_LIMIT} characters or fewer` : undefined,
    });
    if (invalid || !keepDraft(request, cancelKey(id), { reason })) {
      const { opportunity, hostName } = await managedOpportunity(this.api.as(request), id);
      return reply.code(400).view('manage/views/cancel.njk', {
        opportunity,
        hostName,
        values: { reason },
        limit: REASON_LIMIT,
        ...(invalid ?? formErrors({ reason: 'The reason is too long to keep: make it shorter' })),
      });
    }
    return reply.redirect(managePath(id, 'cancel/confirm'), 303);
  }

  @Get(':id/cancel/confirm')
  async cancelConfirmPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string): Promise<unknown> {
    const reason = draftOf<{ reason: string }>(request, cancelKey(id))?.reason;
    if (!reason) return reply.redirect(managePath(id, 'cancel'), 303);
    const { opportunity, hostName } = await managedOpportunity(this.api.as(request), id);
    return reply.view('manage/views/confirm-cancel.njk', { opportunity, hostName, reason });
  }

  @Post(':id/cancel/confirm')
  async cancel(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string): Promise<unknown> {
    const reason = draftOf<{ reason: string }>(request, cancelKey(id))?.reason;
    if (!reason) return reply.redirect(managePath(id, 'cancel'), 303);
    const api = this.api.as(request);
    const cancelled = await api.POST('/api/opportunities/{id}/cancel', { params: { path: { id } }, body: { reason } });
    if (!cancelled.data) {
      if (![400, 403, 409].includes(cancelled.response.status)) return answer(Promise.resolve(cancelled));
      const { opportunity, hostName } = await managedOpportunity(api, id);
      return reply.code(cancelled.response.status).view('manage/views/confirm-cancel.njk', {
        opportunity,
        hostName,
        reason,
        errorList: [{ text: refusalOf(cancelled.error, 'The opportunity could not be cancelled'), href: '#confirm' }],
      });
    }
    keepDraft(request, cancelKey(id), undefined);
    request.session.set('flash', { heading: `${cancelled.data.title} is cancelled`, body: 'Its applicants and approved practitioners will be told why.' });
    return reply.redirect(managePath(id), 303);
  }
}

const cancelKey = (id: string) => `cancel:${id}`;

/** Which of the three moves the address names (the routes allow no other). */
function moveOf(request: FastifyRequest): Move {
  return request.url.split('?')[0]!.split('/').pop() as Move;
}
