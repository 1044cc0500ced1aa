import { Body, Controller, Get, Param, Post, Render, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Api, answer } from '../api/api-client.js';
import { ApiProblem } from '../api/api-errors.js';
import { startOfLondonDay } from '../layout/dates.js';
import { formErrors, textField } from '../layout/form-errors.js';
import { listField, wholeNumber } from '../layout/form-fields.js';
import { CAREER_STAGE_LABELS } from '../layout/labels.js';
import { SignedIn } from '../session/signed-in.guard.js';
import { draftOf, keepDraft } from '../session/web-session.js';
import { answersFrom, FORMAT_LABELS, PROFILE_DRAFT, PROFILE_SECTIONS, type ProfileAnswers, profileRequestOf, WEEKDAYS } from './profile-answers.js';

/** The practitioner's profile as a task list: a question page a section, then check your answers. */
@Controller('profile')
@SignedIn('practitioner')
export class ProfileController {
  constructor(private readonly api: Api) {}

  @Get()
  @Render('profile/views/task-list.njk')
  async taskList(@Req() request: FastifyRequest): Promise<object> {
    const answers = await this.answers(request);
    const sections = PROFILE_SECTIONS.map((section) => ({ href: `/profile/${section.path}`, title: section.title, done: section.done(answers) }));
    return { sections, complete: sections.filter((section) => section.done).length, ready: profileRequestOf(answers) !== null };
  }

  @Get('career')
  async careerPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<unknown> {
    const answers = await this.answers(request);
    return reply.view('profile/views/career.njk', { values: { careerStage: answers.careerStage, yearsQualified: answers.yearsQualified?.toString() ?? '' }, stages: CAREER_STAGE_LABELS });
  }

  @Post('career')
  async saveCareer(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() body: unknown): Promise<unknown> {
    const careerStage = textField(body, 'careerStage');
    const yearsText = textField(body, 'yearsQualified');
    const years = wholeNumber(yearsText);
    const invalid = formErrors({
      careerStage: careerStage in CAREER_STAGE_LABELS ? undefined : 'Select your career stage',
      yearsQualified: yearsText && (years === undefined || years > 60) ? 'Years qualified must be a whole number from 0 to 60' : undefined,
    }, { careerStage: 'careerStage' });
    if (invalid) return reply.code(400).view('profile/views/career.njk', { values: { careerStage, yearsQualified: yearsText }, stages: CAREER_STAGE_LABELS, ...invalid });
    return this.saved(request, reply, { careerStage: careerStage as ProfileAnswers['careerStage'], yearsQualified: years });
  }

  @Get('specialisms')
  async specialismsPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<unknown> {
    const answers = await this.answers(request);
    return reply.view('profile/views/specialisms.njk', { items: await this.specialismItems(request, answers.specialisms ?? []) });
  }

  @Post('specialisms')
  async saveSpecialisms(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() body: unknown): Promise<unknown> {
    return this.saved(request, reply, { specialisms: listField(body, 'specialisms').filter((code) => code !== 'none') });
  }

  @Get('practice-educator')
  async pepsPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<unknown> {
    const answers = await this.answers(request);
    return reply.view('profile/views/practice-educator.njk', { value: answers.pepsStage?.toString() });
  }

  @Post('practice-educator')
  async savePeps(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() body: unknown): Promise<unknown> {
    const stage = textField(body, 'pepsStage');
    if (!['0', '1', '2'].includes(stage)) {
      return reply.code(400).view('profile/views/practice-educator.njk', { ...formErrors({ pepsStage: 'Select your practice educator stage' }) });
    }
    return this.saved(request, reply, { pepsStage: Number(stage) as ProfileAnswers['pepsStage'] });
  }

  @Get('availability')
  async availabilityPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<unknown> {
    const answers = await this.answers(request);
    return reply.view('profile/views/availability.njk', { weekdays: WEEKDAYS, checked: answers.weekdays ?? [], away: answers.unavailable });
  }

  @Post('availability')
  async saveAvailability(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() body: unknown): Promise<unknown> {
    const weekdays = listField(body, 'weekdays').map(Number).filter((day) => day >= 1 && day <= 7);
    // Going to the dates away keeps the days ticked so far, so nothing typed is lost on the way.
    if (textField(body, 'next') === 'dates-away') {
      keepDraft(request, PROFILE_DRAFT, { ...(await this.answers(request)), ...(weekdays.length ? { weekdays } : {}) });
      return reply.redirect('/profile/dates-away', 303);
    }
    if (weekdays.length === 0) {
      const answers = await this.answers(request);
      return reply.code(400).view('profile/views/availability.njk', { weekdays: WEEKDAYS, checked: [], away: answers.unavailable, ...formErrors({ weekdays: 'Select the days you can usually give' }) });
    }
    return this.saved(request, reply, { weekdays });
  }

  @Get('dates-away')
  async datesAwayPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<unknown> {
    return reply.view('profile/views/dates-away.njk', { away: (await this.answers(request)).unavailable, values: {} });
  }

  @Post('dates-away')
  async addDatesAway(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() body: unknown): Promise<unknown> {
    const answers = await this.answers(request);
    const parts = (prefix: string) => ({ day: textField(body, `${prefix}-day`), month: textField(body, `${prefix}-month`), year: textField(body, `${prefix}-year`) });
    const values = { from: parts('from'), to: parts('to') };
    const from = startOfLondonDay(values.from.day, values.from.month, values.from.year)?.slice(0, 10);
    const to = startOfLondonDay(values.to.day, values.to.month, values.to.year)?.slice(0, 10);
    const invalid = formErrors({
      from: from ? undefined : 'The first day away must be a real date',
      to: !to ? 'The last day away must be a real date' : from && to < from ? 'The last day away must be the same as or after the first' : undefined,
    }, { from: 'from-day', to: 'to-day' });
    if (invalid) return reply.code(400).view('profile/views/dates-away.njk', { away: answers.unavailable, values, ...invalid });
    keepDraft(request, PROFILE_DRAFT, { ...answers, unavailable: [...answers.unavailable, { from, to }] });
    return reply.redirect('/profile/dates-away', 303);
  }

  @Post('dates-away/:index/remove')
  async removeDatesAway(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('index') index: string): Promise<unknown> {
    const answers = await this.answers(request);
    keepDraft(request, PROFILE_DRAFT, { ...answers, unavailable: answers.unavailable.filter((_, at) => String(at) !== index) });
    return reply.redirect('/profile/dates-away', 303);
  }

  @Get('formats')
  async formatsPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<unknown> {
    const answers = await this.answers(request);
    return reply.view('profile/views/formats.njk', { formats: FORMAT_LABELS, checked: answers.preferredFormats ?? [], values: { maxOpportunitiesPerTerm: answers.maxOpportunitiesPerTerm?.toString() ?? '' } });
  }

  @Post('formats')
  async saveFormats(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() body: unknown): Promise<unknown> {
    const formats = listField(body, 'preferredFormats').filter((format) => format in FORMAT_LABELS) as NonNullable<ProfileAnswers['preferredFormats']>;
    const mostText = textField(body, 'maxOpportunitiesPerTerm');
    const most = wholeNumber(mostText);
    const invalid = formErrors({
      preferredFormats: formats.length ? undefined : 'Select how you can take part',
      maxOpportunitiesPerTerm: most === undefined || most > 20 ? 'Enter a whole number from 0 to 20' : undefined,
    }, { preferredFormats: 'preferredFormats' });
    if (invalid) return reply.code(400).view('profile/views/formats.njk', { formats: FORMAT_LABELS, checked: formats, values: { maxOpportunitiesPerTerm: mostText }, ...invalid });
    return this.saved(request, reply, { preferredFormats: formats, maxOpportunitiesPerTerm: most });
  }

  @Get('check')
  async checkPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<unknown> {
    const answers = await this.answers(request);
    if (!profileRequestOf(answers)) return reply.redirect('/profile', 303);
    return reply.view('profile/views/check.njk', await this.summaryOf(request, answers));
  }

  @Post('check')
  async save(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<unknown> {
    const answers = await this.answers(request);
    const profile = profileRequestOf(answers);
    if (!profile) return reply.redirect('/profile', 303);
    const saved = await this.api.as(request).PUT('/api/me/profile', { body: profile });
    if (saved.response.status === 400) {
      const problem = new ApiProblem(400, saved.error ?? {});
      const errorList = Object.entries(problem.fieldMessages()).map(([field, text]) => ({ text: `${field}: ${text}`, href: '#summary' }));
      return reply.code(400).view('profile/views/check.njk', { ...(await this.summaryOf(request, answers)), errorList });
    }
    await answer(Promise.resolve(saved));
    keepDraft(request, PROFILE_DRAFT, undefined);
    request.session.set('flash', { title: 'Profile saved', heading: 'Your profile has been saved', body: 'Partnership leads will see it when they match people to opportunities.' });
    return reply.redirect('/home', 303);
  }

  /** The answers so far: the draft, else the saved profile. */
  private async answers(request: FastifyRequest): Promise<ProfileAnswers> {
    const draft = draftOf<ProfileAnswers>(request, PROFILE_DRAFT);
    if (draft) return draft;
    const saved = await this.api.as(request).GET('/api/me/profile');
    if (saved.response.status !== 404) await answer(Promise.resolve(saved));
    const answers = answersFrom(saved.data);
    keepDraft(request, PROFILE_DRAFT, answers);
    return answers;
  }

  private async saved(request: FastifyRequest, reply: FastifyReply, change: Partial<ProfileAnswers>): Promise<unknown> {
    const answers = { ...(await this.answers(request)), ...change };
    keepDraft(request, PROFILE_DRAFT, answers);
    return reply.redirect(profileRequestOf(answers) ? '/profile/check' : '/profile', 303);
  }

  private async specialismItems(request: FastifyRequest, chosen: string[]) {
    const specialisms = await answer(this.api.as(request).GET('/api/specialisms'));
    return specialisms.map((specialism) => ({ value: specialism.code, text: specialism.label, checked: chosen.includes(specialism.code) }));
  }

  private async summaryOf(request: FastifyRequest, answers: ProfileAnswers) {
    const labels = new Map((await answer(this.api.as(request).GET('/api/specialisms'))).map((specialism) => [specialism.code, specialism.label]));
    return {
      answers,
      specialismNames: (answers.specialisms ?? []).map((code) => labels.get(code) ?? code),
      weekdayNames: (answers.weekdays ?? []).map((day) => WEEKDAYS[day - 1]),
      formatNames: (answers.preferredFormats ?? []).map((format) => FORMAT_LABELS[format]),
    };
  }
}
