import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Api, type ApiClient, answer } from '../api/api-client.js';
import { formErrors, textField } from '../layout/form-errors.js';
import { CAREER_STAGE_LABELS, OPPORTUNITY_TYPE_LABELS } from '../layout/labels.js';
import { SignedIn } from '../session/signed-in.guard.js';
import { draftOf, keepDraft, signedInSession } from '../session/web-session.js';
import { editKey, managedOpportunity, managePath, NEW_KEY, type Opportunity } from './managed-opportunity.js';
import { uuid } from '../layout/record-id.js';
import {
  type Answers,
  answersOf,
  closesAtOf,
  createRequestOf,
  firstUnanswered,
  type HostChoice,
  isBlank,
  problemsByStep,
  readDetailsStep,
  readEligibilityStep,
  readPlacesStep,
  readSession,
  readTypeStep,
  sessionFieldsOf,
  sessionsOf,
  specialismsOf,
  type Step,
  STEPS,
  type StepReading,
  updateRequestOf,
} from './opportunity-form.js';

/** A run through the form: posting a new opportunity, or changing one (whose type and host stay). */
interface Flow {
  request: FastifyRequest;
  key: string;
  /** The address the steps are under. */
  base: string;
  opportunity?: Opportunity;
  /** What the session holds: every answer of a new one, only the changes of an edit. */
  kept: Answers;
  answers: Answers;
}

const NEW_BASE = '/manage/opportunities/new';
const TOO_LONG = 'Your answers are too long to keep between pages: shorten the longest of them';

/**
 * The opportunity form: type → details → sessions (add another) → eligibility → places → check
 * your answers, kept in the session until saved. An edit runs the same steps from its check page.
 */
@Controller('manage/opportunities')
@SignedIn('academic', 'partnership_lead')
export class OpportunityFormController {
  constructor(private readonly api: Api) {}

  @Get('new')
  start(@Res() reply: FastifyReply): unknown {
    return reply.redirect(`${NEW_BASE}/type`, 303);
  }

  @Get('new/type')
  async typePage(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<unknown> {
    const flow = this.newFlow(request);
    const hosts = await hostChoices(this.api.as(request), request);
    return this.render(reply, flow, 'type', { values: { type: flow.answers.type, host: hostValue(flow.answers, hosts) } }, { hosts });
  }

  @Post('new/type')
  async saveType(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() body: unknown): Promise<unknown> {
    const flow = this.newFlow(request);
    const hosts = await hostChoices(this.api.as(request), request);
    const reading = readTypeStep(body, hosts);
    if (hosts.length === 0) reading.messages.host = 'You are not in a partnership, so you cannot post opportunities yet';
    return this.saveStep(request, reply, flow, 'type', reading, { hosts });
  }

  @Get(['new/details', ':id/edit/details'])
  async detailsPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<unknown> {
    const flow = await this.flowOf(request);
    return this.render(reply, flow, 'details', { values: flow.answers });
  }

  @Post(['new/details', ':id/edit/details'])
  async saveDetails(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() body: unknown): Promise<unknown> {
    return this.saveStep(request, reply, await this.flowOf(request), 'details', readDetailsStep(body));
  }

  @Get(['new/sessions', ':id/edit/sessions'])
  async sessionsPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<unknown> {
    const flow = await this.flowOf(request);
    return this.render(reply, flow, 'sessions', { values: {} }, { sessions: sessionsOf(flow.answers) });
  }

  /** Add another: each press adds the session typed; Continue adds it too, if one was typed. Remove takes one out. */
  @Post(['new/sessions', ':id/edit/sessions'])
  async saveSessions(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() body: unknown): Promise<unknown> {
    const flow = await this.flowOf(request);
    const sessions = sessionsOf(flow.answers);
    const remove = textField(body, 'remove');
    if (/^\d+$/.test(remove)) {
      sessions.splice(Number(remove), 1);
      this.keep(flow, { sessions: JSON.stringify(sessions) });
      return reply.redirect(`${flow.base}/sessions`, 303);
    }
    const fields = sessionFieldsOf(body);
    const adding = textField(body, 'action') === 'add';
    if (!adding && isBlank(fields) && sessions.length > 0) return reply.redirect(this.nextAfter(flow, 'sessions'), 303);
    const { session, messages } = readSession(fields);
    const invalid = formErrors(messages, { session: 'session-day' });
    if (invalid || !session) return this.render(reply.code(400), flow, 'sessions', { values: fields, ...invalid }, { sessions });
    if (!this.keep(flow, { sessions: JSON.stringify([...sessions, session]) })) {
      return this.render(reply.code(400), flow, 'sessions', { values: fields, ...formErrors({ place: TOO_LONG }) }, { sessions });
    }
    return reply.redirect(adding ? `${flow.base}/sessions` : this.nextAfter(flow, 'sessions'), 303);
  }

  @Get(['new/eligibility', ':id/edit/eligibility'])
  async eligibilityPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<unknown> {
    const flow = await this.flowOf(request);
    const specialisms = await answer(this.api.as(request).GET('/api/specialisms'));
    const values = { ...flow.answers, requiredSpecialisms: specialismsOf(flow.answers) };
    return this.render(reply, flow, 'eligibility', { values }, { specialisms });
  }

  @Post(['new/eligibility', ':id/edit/eligibility'])
  async saveEligibility(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() body: unknown): Promise<unknown> {
    const flow = await this.flowOf(request);
    const specialisms = await answer(this.api.as(request).GET('/api/specialisms'));
    const reading = readEligibilityStep(body, new Set(specialisms.map((specialism) => specialism.code)));
    return this.saveStep(request, reply, flow, 'eligibility', reading, { specialisms });
  }

  @Get(['new/places', ':id/edit/places'])
  async placesPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<unknown> {
    const flow = await this.flowOf(request);
    return this.render(reply, flow, 'places', { values: flow.answers });
  }

  @Post(['new/places', ':id/edit/places'])
  async savePlaces(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() body: unknown): Promise<unknown> {
    return this.saveStep(request, reply, await this.flowOf(request), 'places', readPlacesStep(body));
  }

  @Get(['new/check', ':id/edit'])
  async checkPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<unknown> {
    const flow = await this.flowOf(request);
    const missing = firstUnanswered(flow.answers);
    if (missing) return reply.redirect(`${flow.base}/${missing}`, 303);
    // From here on, each step returns to this page.
    if (!flow.opportunity && !flow.kept.checked) this.keep(flow, { checked: 'yes' });
    return this.renderCheck(request, reply, flow);
  }

  @Post('new/check')
  async create(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() body: unknown): Promise<unknown> {
    const flow = this.newFlow(request);
    const missing = firstUnanswered(flow.answers);
    if (missing) return reply.redirect(`${flow.base}/${missing}`, 303);
    const api = this.api.as(request);
    const created = await api.POST('/api/opportunities', { body: createRequestOf(flow.answers) });
    if (!created.data) {
      if (created.response.status !== 400 && created.response.status !== 403) return answer(Promise.resolve(created));
      return this.renderCheck(request, reply.code(created.response.status), flow, created.error);
    }
    keepDraft(request, NEW_KEY, undefined);
    const opportunity = created.data;
    if (textField(body, 'action') !== 'publish') {
      request.session.set('flash', { heading: `${opportunity.title} is saved as a draft`, body: 'Practitioners cannot see it until you publish it.' });
      return reply.redirect(managePath(opportunity.id), 303);
    }
    const published = await api.POST('/api/opportunities/{id}/publish', { params: { path: { id: opportunity.id } } });
    if (!published.data) {
      if (published.response.status !== 409 && published.response.status !== 400) return answer(Promise.resolve(published));
      // Saved, but not published: say why on the page that publishes it.
      const { hostName } = await managedOpportunity(api, opportunity.id);
      const detail = (published.error as { detail?: string } | undefined)?.detail ?? 'It could not be published';
      return reply.code(published.response.status).view('manage/views/confirm-move.njk', {
        opportunity,
        hostName,
        move: 'publish',
        words: { question: 'Are you sure you want to publish this opportunity?', button: 'Publish' },
        savedAsDraft: true,
        errorList: [{ text: detail, href: '#confirm' }],
      });
    }
    request.session.set('flash', { heading: `${opportunity.title} is published`, body: 'Practitioners in the partnership can now find it and apply.' });
    return reply.redirect(managePath(opportunity.id), 303);
  }

  @Post(':id/edit')
  async update(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<unknown> {
    const flow = await this.flowOf(request);
    const missing = firstUnanswered(flow.answers);
    if (missing) return reply.redirect(`${flow.base}/${missing}`, 303);
    const id = flow.opportunity!.id;
    const updated = await this.api.as(request).PUT('/api/opportunities/{id}', { params: { path: { id } }, body: updateRequestOf(flow.answers) });
    if (!updated.data) {
      if (![400, 403, 409].includes(updated.response.status)) return answer(Promise.resolve(updated));
      return this.renderCheck(request, reply.code(updated.response.status), flow, updated.error);
    }
    keepDraft(request, flow.key, undefined);
    request.session.set('flash', { heading: `Your changes to ${updated.data.title} are saved` });
    return reply.redirect(managePath(id), 303);
  }

  private newFlow(request: FastifyRequest): Flow {
    const kept = draftOf<Answers>(request, NEW_KEY) ?? {};
    return { request, key: NEW_KEY, base: NEW_BASE, kept, answers: kept };
  }

  /** The flow the address names: new, or the edit of the opportunity in it (which the API must let this person see). */
  private async flowOf(request: FastifyRequest): Promise<Flow> {
    const id = (request.params as { id?: string }).id;
    if (id === undefined) return this.newFlow(request);
    const valid = (await uuid.transform(id, { type: 'param' })) as string;
    const { opportunity } = await managedOpportunity(this.api.as(request), valid);
    const kept = draftOf<Answers>(request, editKey(valid)) ?? {};
    return { request, key: editKey(valid), base: managePath(valid, 'edit'), opportunity, kept, answers: { ...answersOf(opportunity), ...kept } };
  }

  /** Keeps answers; an edit keeps only those that differ from the opportunity as it is. False when they do not fit. */
  private keep(flow: Flow, changes: Answers): boolean {
    const next = { ...flow.kept, ...changes };
    if (flow.opportunity) {
      const current = answersOf(flow.opportunity);
      for (const [name, value] of Object.entries(next)) if (current[name] === value) delete next[name];
    }
    if (!keepDraft(flow.request, flow.key, next)) return false;
    flow.kept = next;
    flow.answers = { ...flow.answers, ...changes };
    return true;
  }

  private nextAfter(flow: Flow, step: Step): string {
    if (flow.opportunity || flow.kept.checked) return flow.opportunity ? flow.base : `${flow.base}/check`;
    return `${flow.base}/${STEPS[STEPS.indexOf(step) + 1] ?? 'check'}`;
  }

  private async saveStep(request: FastifyRequest, reply: FastifyReply, flow: Flow, step: Step, reading: StepReading, extra: object = {}): Promise<unknown> {
    const invalid = formErrors(reading.messages, FIELD_IDS[step]);
    if (invalid) return this.render(reply.code(400), flow, step, { values: reading.values, ...invalid }, extra);
    if (!this.keep(flow, reading.answers)) {
      return this.render(reply.code(400), flow, step, { values: reading.values, ...formErrors({ [LONGEST[step]]: TOO_LONG }) }, extra);
    }
    return reply.redirect(this.nextAfter(flow, step), 303);
  }

  private render(reply: FastifyReply, flow: Flow, step: Step, form: object, extra: object = {}): unknown {
    const index = STEPS.indexOf(step);
    const backLink = flow.opportunity ? flow.base : flow.kept.checked ? `${flow.base}/check` : index === 0 ? '/manage/opportunities' : `${flow.base}/${STEPS[index - 1]}`;
    return reply.view(`manage/views/step-${step}.njk`, {
      flow: { base: flow.base, editing: Boolean(flow.opportunity), title: flow.opportunity?.title },
      answers: flow.answers,
      backLink,
      typeItems: Object.entries(OPPORTUNITY_TYPE_LABELS).map(([value, text]) => ({ value, text })),
      careerStageItems: Object.entries(CAREER_STAGE_LABELS).map(([value, text]) => ({ value, text })),
      ...form,
      ...extra,
    });
  }

  private async renderCheck(request: FastifyRequest, reply: FastifyReply, flow: Flow, problem?: unknown): Promise<unknown> {
    const api = this.api.as(request);
    const [hosts, specialisms] = await Promise.all([flow.opportunity ? Promise.resolve([]) : hostChoices(api, request), answer(api.GET('/api/specialisms'))]);
    const names = new Map(specialisms.map((specialism) => [specialism.code, specialism.label]));
    const errorList = problem
      ? problemsByStep(problem as Parameters<typeof problemsByStep>[0]).map(({ step, text }) => ({ text, href: step ? `${flow.base}/${step}` : '#save' }))
      : undefined;
    return reply.view('manage/views/check.njk', {
      flow: { base: flow.base, editing: Boolean(flow.opportunity), title: flow.opportunity?.title },
      backLink: flow.opportunity ? managePath(flow.opportunity.id) : `${flow.base}/places`,
      answers: flow.answers,
      host: hosts.find((choice) => choice.value === hostValue(flow.answers, hosts)),
      askedHost: hosts.length > 1,
      sessions: sessionsOf(flow.answers),
      specialismNames: specialismsOf(flow.answers).map((code) => names.get(code) ?? code),
      closesAt: closesAtOf(flow.answers),
      errorList,
    });
  }
}

const FIELD_IDS: Record<Step, Record<string, string>> = {
  type: { host: 'host', type: 'type' },
  details: {},
  sessions: { session: 'session-day' },
  eligibility: {},
  places: { closes: 'closes-day' },
};
const LONGEST: Record<Step, string> = { type: 'type', details: 'description', sessions: 'place', eligibility: 'minimumCareerStage', places: 'capacity' };

/** Where this person may post: an academic, in their partnerships; a lead, for any member of the partnerships they lead. */
async function hostChoices(api: ApiClient, request: FastifyRequest): Promise<HostChoice[]> {
  const partnerships = (await answer(api.GET('/api/partnerships', { params: { query: { limit: 100 } } }))).items;
  if (signedInSession(request)!.person.role === 'academic') {
    return partnerships.map((partnership) => ({ value: partnership.id, partnershipId: partnership.id, text: partnership.name }));
  }
  return partnerships.flatMap((partnership) =>
    partnership.members.map((member) => ({
      value: `${partnership.id}/${member.organisationId}`,
      partnershipId: partnership.id,
      hostOrganisationId: member.organisationId,
      text: member.name,
      ...(partnerships.length > 1 ? { hint: partnership.name } : {}),
    })),
  );
}

function hostValue(answers: Answers, hosts: HostChoice[]): string | undefined {
  return hosts.find((choice) => choice.partnershipId === answers.partnershipId && (choice.hostOrganisationId ?? '') === (answers.hostOrganisationId ?? ''))?.value;
}
