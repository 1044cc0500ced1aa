import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Api, answer } from '../api/api-client.js';
import { formErrors, textField } from '../layout/form-errors.js';
import { SignedIn } from '../session/signed-in.guard.js';
import { draftOf, keepDraft } from '../session/web-session.js';
import { refusalOf } from '../api/api-errors.js';
import { type MatchForDecision, matchForDecision } from './decision-pages.js';
import { uuid } from '../layout/record-id.js';

type DecisionDraft = Record<string, string>;
import { decisionEmail } from './email-preview.js';
import { DETAIL_LIMIT, REJECTION_REASONS, reasonsFrom, rejectionNote } from './rejection-reasons.js';

const NOTE_LIMIT = 1000;
type Decision = 'approve' | 'reject';

/**
 * Approving or rejecting a proposed match: a question page (a note; for a rejection, reasons),
 * then a check page with the email the practitioner will get, then the decision, which the API
 * may refuse (no place left, decided already): its reason is shown there.
 */
@Controller('decisions/matches/:id')
@SignedIn('partnership_lead')
export class DecideMatchController {
  constructor(private readonly api: Api) {}

  @Get('approve')
  async approvePage(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string): Promise<unknown> {
    const match = await matchForDecision(this.api.as(request), id);
    return reply.view('decisions/views/approve.njk', { match, values: { note: draftOf<DecisionDraft>(request, draftKey('approve', id))?.note ?? '' }, limit: NOTE_LIMIT });
  }

  @Post('approve')
  async saveApproval(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string, @Body() body: unknown): Promise<unknown> {
    const note = textField(body, 'note');
    const invalid = formErrors({ note: note.length > NOTE_LIMIT ? `Your note must be ${NOTE_LIMIT} characters or fewer` : undefined });
    if (invalid) {
      const match = await matchForDecision(this.api.as(request), id);
      return reply.code(400).view('decisions/views/approve.njk', { match, values: { note }, limit: NOTE_LIMIT, ...invalid });
    }
    keepDraft(request, draftKey('approve', id), { note });
    return reply.redirect(`/decisions/matches/${id}/approve/check`, 303);
  }

  @Get('reject')
  async rejectPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string): Promise<unknown> {
    const match = await matchForDecision(this.api.as(request), id);
    const kept = draftOf<DecisionDraft>(request, draftKey('reject', id));
    const values = { reasons: kept?.reasons ? kept.reasons.split(',') : [], detail: kept?.detail ?? '' };
    return reply.view('decisions/views/reject.njk', rejectView(match, values));
  }

  @Post('reject')
  async saveRejection(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string, @Body() body: unknown): Promise<unknown> {
    const values = { reasons: reasonsFrom(body), detail: textField(body, 'detail') };
    const invalid = formErrors({ detail: values.detail.length > DETAIL_LIMIT ? `What you tell them must be ${DETAIL_LIMIT} characters or fewer` : undefined });
    if (invalid) {
      const match = await matchForDecision(this.api.as(request), id);
      return reply.code(400).view('decisions/views/reject.njk', { ...rejectView(match, values), ...invalid });
    }
    keepDraft(request, draftKey('reject', id), { reasons: values.reasons.join(','), detail: values.detail });
    return reply.redirect(`/decisions/matches/${id}/reject/check`, 303);
  }

  @Get('approve/check')
  approveCheckPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string): Promise<unknown> {
    return this.checkPage(request, reply, 'approve', id);
  }

  @Post('approve/check')
  approve(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string): Promise<unknown> {
    return this.decide(request, reply, 'approve', id);
  }

  @Get('reject/check')
  rejectCheckPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string): Promise<unknown> {
    return this.checkPage(request, reply, 'reject', id);
  }

  @Post('reject/check')
  reject(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string): Promise<unknown> {
    return this.decide(request, reply, 'reject', id);
  }

  private async checkPage(request: FastifyRequest, reply: FastifyReply, decision: Decision, id: string): Promise<unknown> {
    const kept = draftOf<DecisionDraft>(request, draftKey(decision, id));
    if (!kept) return reply.redirect(`/decisions/matches/${id}/${decision}`, 303);
    const match = await matchForDecision(this.api.as(request), id);
    return reply.view('decisions/views/check-decision.njk', this.checkView(request, decision, match, noteOf(decision, kept)));
  }

  private async decide(request: FastifyRequest, reply: FastifyReply, decision: Decision, id: string): Promise<unknown> {
    const kept = draftOf<DecisionDraft>(request, draftKey(decision, id));
    if (!kept) return reply.redirect(`/decisions/matches/${id}/${decision}`, 303);
    const note = noteOf(decision, kept);
    const api = this.api.as(request);
    const path = decision === 'approve' ? '/api/matches/{id}/approve' : '/api/matches/{id}/reject';
    const decided = await api.POST(path, { params: { path: { id } }, body: note ? { note } : {} });
    // No place left, decided already, a note the API would not take: its reason, on the page the lead decided on.
    if (decided.response.status === 409 || decided.response.status === 400) {
      const match = await matchForDecision(api, id);
      const errorList = [{ text: refusalOf(decided.error, 'The match could not be decided'), href: '#decision' }];
      return reply.code(decided.response.status).view('decisions/views/check-decision.njk', { ...this.checkView(request, decision, match, note), errorList });
    }
    await answer(Promise.resolve(decided));
    keepDraft(request, draftKey(decision, id), undefined);
    const { practitioner, opportunity } = await answer(api.GET('/api/matches/{id}', { params: { path: { id } } }));
    request.session.set(
      'flash',
      decision === 'approve'
        ? { title: 'Match approved', heading: `${practitioner.displayName} has a place on ${opportunity.title}`, body: 'They will get the email you saw, with a calendar invitation of every session.' }
        : { title: 'Match rejected', heading: `The match for ${practitioner.displayName} is not going ahead`, body: 'They will get the email you saw.' },
    );
    return reply.redirect(`/decisions/opportunities/${opportunity.id}#matches`, 303);
  }

  private checkView(request: FastifyRequest, decision: Decision, match: MatchForDecision, note: string): object {
    return {
      decision,
      match,
      note,
      email: decisionEmail(request, decision, {
        partnershipName: match.partnershipName,
        practitionerName: match.practitioner.displayName,
        opportunity: match.fullOpportunity,
        matchId: match.match.id,
        note,
      }),
    };
  }
}

const draftKey = (decision: Decision, matchId: string) => `${decision}:${matchId}`;

function noteOf(decision: Decision, kept: Record<string, string>): string {
  return decision === 'approve' ? (kept.note ?? '') : rejectionNote(kept.reasons ? kept.reasons.split(',') : [], kept.detail ?? '');
}

function rejectView(match: MatchForDecision, values: { reasons: string[]; detail: string }): object {
  return {
    match,
    values,
    limit: DETAIL_LIMIT,
    reasonItems: REJECTION_REASONS.map((reason) => ({ value: reason.value, text: reason.text, hint: { text: `They read: “${reason.sentence}”` }, checked: values.reasons.includes(reason.value) })),
  };
}
