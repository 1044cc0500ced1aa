/// <reference lib="dom" />
import { jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { inDays, opportunityRequest } from '#libs/testing';
import type { Person } from '../support/people.js';
import { on } from './pages/page-object.js';
import {
  CancelReasonPage,
  CheckChangesPage,
  CheckOpportunityPage,
  ConfirmCancelPage,
  ConfirmMovePage,
  DetailsStepPage,
  EligibilityStepPage,
  ManagedOpportunityPage,
  ManageOpportunitiesPage,
  OpportunityApplicationsPage,
  OpportunityMatchesPage,
  OpportunityRecommendationsPage,
  PlacesStepPage,
  ProposeMatchPage,
  SessionsStepPage,
  TypeStepPage,
  typedDateIn,
} from './pages/manage-pages.js';
import { LeadHomePage } from './pages/decision-pages.js';
import { FindOpportunitiesPage, ForbiddenPage, NotFoundPage, PractitionerHomePage, SignInPage } from './pages/service-pages.js';
import { type World, WebStack } from './web-stack.js';

// Each journey runs axe on every page it reaches, which takes a while.
jest.setTimeout(180_000);

describe('an academic runs their university’s opportunities, in Chromium', () => {
  let web: WebStack;
  let world: World;
  let elsewhere: string;

  async function posted(overrides: Record<string, unknown> = {}, publish = true, academic: Person = world.academic, partnershipId = world.partnershipId): Promise<string> {
    const id = (await academic.http.post('/api/opportunities').send(opportunityRequest(partnershipId, overrides)).expect(201)).body.id;
    if (publish) await academic.http.post(`/api/opportunities/${id}/publish`).send({}).expect(200);
    return id;
  }

  beforeAll(async () => {
    web = await WebStack.start();
    world = await web.world();
    const other = await web.world({ university: 'University of Essex', council: 'Essex County Council', partnership: 'Essex Teaching Partnership' });
    elsewhere = await posted({ title: 'Somewhere else' }, true, other.academic, other.partnershipId);
  });
  afterAll(() => web.close());

  async function signedIn(person: Person, options: { javaScript?: boolean } = {}): Promise<Page> {
    const page = await web.newPage(options);
    await (await SignInPage.open(page)).signInAs(person);
    return page;
  }

  async function academicOnList(options: { javaScript?: boolean } = {}): Promise<{ page: Page; list: ManageOpportunitiesPage }> {
    const page = await signedIn(world.academic, options);
    // The academic's home is their opportunities.
    return { page, list: await on(ManageOpportunitiesPage, page) };
  }

  const continueButton = (page: Page) => page.getByRole('button', { name: 'Continue', exact: true }).click();

  async function expectErrors(page: Page, step: { verify(): Promise<unknown>; errorSummary(): Promise<string[]> }, messages: string[]): Promise<void> {
    await step.verify();
    expect(await step.errorSummary()).toEqual(messages);
    expect(await page.title()).toMatch(/^Error: /);
  }

  it('posts an opportunity through every step, with two sessions, refusing what cannot be read, and publishes it for practitioners to find', async () => {
    const { page } = await academicOnList();
    expect(await page.locator('.govuk-service-navigation').innerText()).toContain('Opportunities');
    await page.getByRole('button', { name: 'Post an opportunity' }).click();

    const type = await on(TypeStepPage, page);
    await continueButton(page);
    await expectErrors(page, type, ['Select the type of opportunity']);
    await page.getByLabel('Teaching', { exact: true }).check();
    await continueButton(page);

    const details = await on(DetailsStepPage, page);
    await page.getByLabel('Title').fill('Seminar on kinship care');
    await continueButton(page);
    await expectErrors(page, details, ['Enter a description', 'Enter who applicants can contact']);
    expect(await page.getByLabel('Title').inputValue()).toBe('Seminar on kinship care');
    await details.fill({ title: 'Seminar on kinship care', description: 'A seminar for second-year students.\nWith time for questions.', contact: 'Dr Jo Reed' });
    await continueButton(page);

    const sessions = await on(SessionsStepPage, page);
    await continueButton(page);
    await expectErrors(page, sessions, ['Enter the date of the session', 'Enter the start time', 'Enter the end time']);
    const first = typedDateIn(60);
    await sessions.fill({ date: { ...first, day: '32' }, start: 'ten', end: '12:30pm', place: 'Elizabeth Fry Building' });
    await page.getByRole('button', { name: 'Add another session' }).click();
    await expectErrors(page, sessions, ['The date of the session must be a real date, like 27 3 2027', 'Enter the start time like 10am or 14:30']);
    expect(await page.getByLabel('Place').inputValue()).toBe('Elizabeth Fry Building');
    await sessions.fill({ date: first, start: '10am', end: '12:30pm', place: 'Elizabeth Fry Building' });
    await page.getByRole('button', { name: 'Add another session' }).click();
    await sessions.verify();
    expect(await sessions.added()).toHaveLength(1);
    // A third, typed by mistake, is removed again.
    await sessions.fill({ date: typedDateIn(61), start: '9am', end: '10am', place: 'Nowhere' });
    await page.getByRole('button', { name: 'Add another session' }).click();
    await sessions.verify();
    await page.getByRole('button', { name: 'Remove session 2' }).click();
    await sessions.verify();
    expect(await sessions.added()).toHaveLength(1);
    await sessions.fill({ date: typedDateIn(67), start: '14:00', end: '4pm', onlineLink: 'https://teams.example/meet/9' });
    await continueButton(page);

    const eligibility = await on(EligibilityStepPage, page);
    await continueButton(page);
    await expectErrors(page, eligibility, [
      'Select the career stage applicants need to have reached',
      'Select whether applicants need a practice educator (PEPS) stage',
    ]);
    await page.getByLabel('Child protection').check();
    await continueButton(page);
    await eligibility.verify();
    expect(await page.getByLabel('Child protection').isChecked()).toBe(true);
    await page.getByLabel('Social worker', { exact: true }).check();
    await page.getByLabel('Not needed').check();
    await continueButton(page);

    const places = await on(PlacesStepPage, page);
    await places.fill('two', { day: '', month: '', year: '' }, '');
    await continueButton(page);
    await expectErrors(page, places, ['The number of places must be a whole number, like 3', 'Enter the closing date', 'Enter the closing time']);
    expect(await page.getByLabel('How many places are there?').inputValue()).toBe('two');
    await places.fill('2', typedDateIn(50), '5pm');
    await continueButton(page);

    const check = await on(CheckOpportunityPage, page);
    const summary = await check.summary();
    expect(summary).toContain('Seminar on kinship care');
    expect(summary).toMatch(/, 10am to 12:30pm/);
    expect(summary).toMatch(/, 2pm to 4pm/);
    expect(summary).toContain('Child protection');
    expect(summary).toContain('Social worker or above');
    // Change goes back to the step with its answers, and returns here.
    await page.locator('#check-details').getByRole('link', { name: 'Change the title' }).click();
    await details.verify();
    expect(await page.getByLabel('Contact').inputValue()).toBe('Dr Jo Reed');
    await page.getByLabel('Title').fill('Seminar on kinship care and the courts');
    await continueButton(page);
    await check.verify();
    await page.getByRole('button', { name: 'Publish' }).click();

    const opportunity = await on(ManagedOpportunityPage, page);
    expect(await opportunity.banner()).toBe('Seminar on kinship care and the courts is published');
    expect(await opportunity.status()).toBe('Open');
    expect(await page.locator('#sessions li').count()).toBe(2);

    await page.goto('/manage/opportunities');
    const open = await on(ManageOpportunitiesPage, page);
    expect(await open.currentTab()).toBe('Open');
    expect(await open.titles()).toContain('Seminar on kinship care and the courts');

    // The practitioner finds it.
    const practitionerPage = await signedIn(world.practitioner);
    await on(PractitionerHomePage, practitionerPage);
    const find = await FindOpportunitiesPage.open(practitionerPage, '?q=kinship');
    expect(await find.resultTitles()).toEqual(['Seminar on kinship care and the courts']);
    const [stored] = await web.stack.query<{ count: string }>(
      `SELECT count(*) FROM opportunity_sessions s JOIN opportunities o ON o.id = s.opportunity_id WHERE o.title = 'Seminar on kinship care and the courts'`,
    );
    expect(Number(stored!.count)).toBe(2);
  });

  it('shows the API’s reasons when it refuses the answers, on the check page with a link to the step', async () => {
    const { page } = await academicOnList();
    await page.goto('/manage/opportunities/new/type');
    await on(TypeStepPage, page);
    await page.getByLabel('Research').check();
    await continueButton(page);
    await (await on(DetailsStepPage, page)).fill({ title: 'Research group', description: 'On kinship care.', contact: 'Dr Reed' });
    await continueButton(page);
    const sessions = await on(SessionsStepPage, page);
    // Ends before it starts: the API, not the page, says that is wrong.
    await sessions.fill({ date: typedDateIn(40), start: '3pm', end: '1pm', place: 'UEA' });
    await continueButton(page);
    await on(EligibilityStepPage, page);
    await page.getByLabel('Student').check();
    await page.getByLabel('Not needed').check();
    await continueButton(page);
    await (await on(PlacesStepPage, page)).fill('1', typedDateIn(45), '5pm');
    await continueButton(page);
    const check = await on(CheckOpportunityPage, page);
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await expectErrors(page, check, ['Session 1: The end time must be after the start time', 'The closing date must be before the first session starts']);
    await page.getByRole('link', { name: 'The closing date must be before the first session starts' }).click();
    await (await on(PlacesStepPage, page)).fill('1', typedDateIn(30), '5pm');
    await continueButton(page);
    await check.verify();
    await page.getByRole('link', { name: 'Change the sessions' }).click();
    await on(SessionsStepPage, page);
    await page.getByRole('button', { name: 'Remove session 1' }).click();
    const again = await on(SessionsStepPage, page);
    await again.fill({ date: typedDateIn(40), start: '1pm', end: '3pm', place: 'UEA' });
    await continueButton(page);
    await check.verify();
    await page.getByRole('button', { name: 'Save as draft' }).click();
    expect(await (await on(ManagedOpportunityPage, page)).status()).toBe('Draft');
  });

  it('works with JavaScript off: posts a draft, finds it in the Draft tab, edits it and publishes it', async () => {
    const { page } = await academicOnList({ javaScript: false });
    expect(await page.locator('body').getAttribute('class')).not.toContain('js-enabled');
    await page.getByRole('button', { name: 'Post an opportunity' }).click();
    await on(TypeStepPage, page);
    await page.getByLabel('Interviewing applicants').check();
    await continueButton(page);
    await (await on(DetailsStepPage, page)).fill({ title: 'Admissions interviews', description: 'Interviewing applicants for the BA.', contact: 'Admissions office' });
    await continueButton(page);
    const sessions = await on(SessionsStepPage, page);
    await sessions.fill({ date: typedDateIn(70), start: '9:30am', end: '3pm', place: 'UEA' });
    await page.getByRole('button', { name: 'Add another session' }).click();
    await sessions.verify();
    await sessions.fill({ date: typedDateIn(71), start: '9:30am', end: '3pm', place: 'UEA' });
    await continueButton(page);
    await on(EligibilityStepPage, page);
    await page.getByLabel('Senior practitioner').check();
    await page.getByLabel('Not needed').check();
    await continueButton(page);
    await (await on(PlacesStepPage, page)).fill('4', typedDateIn(60), '17:00');
    await continueButton(page);
    await on(CheckOpportunityPage, page);
    await page.getByRole('button', { name: 'Save as draft' }).click();
    const draft = await on(ManagedOpportunityPage, page);
    expect(await draft.banner()).toBe('Admissions interviews is saved as a draft');
    expect(await draft.actions()).toEqual(['Edit', 'Publish', 'Cancel opportunity']);

    const drafts = await ManageOpportunitiesPage.open(page);
    await drafts.tab('Draft');
    expect(await drafts.titles()).toContain('Admissions interviews');
    const summary = await drafts.summary('Admissions interviews');
    expect(summary).toContain('Interviewing applicants');
    expect(summary).toMatch(/First session: \w+day \d+ \w+ \d{4}, 9:30am to 3pm \(and 1 more\)/);
    expect(summary).toContain('Places: 4');
    expect(summary).toContain('Applications: 0');

    const opened = await drafts.open('Admissions interviews');
    await opened.action('Edit');
    await on(CheckChangesPage, page);
    await page.locator('#check-places').getByRole('link', { name: 'Change the number of places' }).click();
    const places = await on(PlacesStepPage, page);
    expect(await page.getByLabel('How many places are there?').inputValue()).toBe('4');
    expect(await page.getByLabel('Closing time').inputValue()).toBe('5pm');
    await page.getByLabel('How many places are there?').fill('');
    await continueButton(page);
    await expectErrors(page, places, ['Enter the number of places']);
    await page.getByLabel('How many places are there?').fill('6');
    await continueButton(page);
    await on(CheckChangesPage, page);
    await page.getByRole('link', { name: 'Change the title' }).click();
    await on(DetailsStepPage, page);
    await page.getByLabel('Title').fill('Admissions interview days');
    await continueButton(page);
    await on(CheckChangesPage, page);
    await page.getByRole('button', { name: 'Save changes' }).click();
    const edited = await on(ManagedOpportunityPage, page);
    expect(await edited.banner()).toBe('Your changes to Admissions interview days are saved');
    expect(await edited.title()).toBe('Admissions interview days');
    expect(await page.locator('#details').innerText()).toMatch(/Places\s+6/);

    await edited.action('Publish');
    await on(ConfirmMovePage, page);
    await page.getByRole('button', { name: 'Publish' }).click();
    expect(await (await on(ManagedOpportunityPage, page)).status()).toBe('Open');
  });

  it('cancels with a reason, which it asks for, and closes another for applications', async () => {
    const cancelling = await posted({ title: 'Lecture to cancel' });
    const closing = await posted({ title: 'Lecture to close' });
    const { page } = await academicOnList();
    await page.goto(`/manage/opportunities/${cancelling}`);
    const opportunity = await on(ManagedOpportunityPage, page);
    expect(await opportunity.actions()).toEqual(['Edit', 'Close for applications', 'Mark as completed', 'Cancel opportunity']);
    await opportunity.action('Cancel opportunity');
    const reason = await on(CancelReasonPage, page);
    await continueButton(page);
    await expectErrors(page, reason, ['Enter why you are cancelling it']);
    await page.getByLabel('Why are you cancelling this opportunity?').fill('The lecturer is unwell.');
    await continueButton(page);
    await on(ConfirmCancelPage, page);
    expect(await page.locator('main').innerText()).toContain('The lecturer is unwell.');
    await page.getByRole('button', { name: 'Yes, cancel it' }).click();
    const cancelled = await on(ManagedOpportunityPage, page);
    expect(await cancelled.banner()).toBe('Lecture to cancel is cancelled');
    expect(await cancelled.status()).toBe('Cancelled');
    expect(await page.locator('main').innerText()).toContain('Cancelled: The lecturer is unwell.');
    expect(await cancelled.actions()).toEqual([]);

    await page.goto(`/manage/opportunities/${closing}`);
    await (await on(ManagedOpportunityPage, page)).action('Close for applications');
    await on(ConfirmMovePage, page);
    await page.getByRole('button', { name: 'Close for applications' }).click();
    const closed = await on(ManagedOpportunityPage, page);
    expect(await closed.status()).toBe('Closed');
    expect(await closed.actions()).toEqual(['Mark as completed', 'Cancel opportunity']);
    const list = await ManageOpportunitiesPage.open(page, 'cancelled');
    expect(await list.titles()).toEqual(['Lecture to cancel']);
    // A move the opportunity no longer allows is refused with the API's reason.
    await page.goto(`/manage/opportunities/${closing}/close`);
    await on(ConfirmMovePage, page);
    await page.getByRole('button', { name: 'Close for applications' }).click();
    const refused = await on(ConfirmMovePage, page);
    expect(await refused.errorSummary()).toEqual(['A closed opportunity cannot be closed.']);
  });

  it('lists the applications, and proposes a match only where the partnership lets academics', async () => {
    const id = await posted({ title: 'Workshop on court skills', sessions: [{ startsAt: inDays(30), endsAt: inDays(30, 12), place: 'County Hall' }] });
    await world.practitioner.http.post(`/api/opportunities/${id}/applications`).send({ statement: 'I give evidence in court every month.' }).expect(201);
    const { page, list } = await academicOnList();
    expect(await list.summary('Workshop on court skills')).toContain('Applications: 1');
    await page.goto(`/manage/opportunities/${id}`);
    await (await on(ManagedOpportunityPage, page)).tab(/Applications \(1\)/);
    const applications = await on(OpportunityApplicationsPage, page);
    expect(await applications.applicants()).toEqual(['A practitioner']);
    expect(await page.locator('#applications').innerText()).toContain('I give evidence in court every month.');
    expect(await page.locator('main').innerText()).toContain('In this partnership the leads propose matches');
    expect(await page.getByRole('link', { name: /Propose as a match/ }).count()).toBe(0);

    // Asked all the same, the API refuses, and the page says why.
    const [application] = (await world.academic.http.get(`/api/opportunities/${id}/applications`).expect(200)).body;
    await page.goto(`/manage/opportunities/${id}/applications/${application.id}/propose`);
    await on(ProposeMatchPage, page);
    const [response] = await Promise.all([page.waitForResponse((answer) => answer.request().method() === 'POST'), page.getByRole('button', { name: 'Propose match' }).click()]);
    expect(response.status()).toBe(403);
    const refused = await on(ProposeMatchPage, page);
    expect((await refused.errorSummary())[0]).toMatch(/only its leads propose matches/);

    await world.lead.http.patch(`/api/partnerships/${world.partnershipId}/settings`).send({ academicsMayProposeMatches: true }).expect(200);
    try {
      await page.goto(`/manage/opportunities/${id}/applications`);
      await applications.verify();
      await page.getByRole('link', { name: 'Propose A practitioner as a match' }).click();
      await on(ProposeMatchPage, page);
      expect(await page.locator('main').innerText()).toContain('A partnership lead will approve or reject the match.');
      await page.getByRole('button', { name: 'Propose match' }).click();
      const matches = await on(OpportunityMatchesPage, page);
      expect(await matches.banner()).toBe('A practitioner is proposed as a match');
      expect(await matches.rows()).toEqual([expect.stringMatching(/A practitioner[\s\S]*from their application[\s\S]*Proposed/)]);
      await page.goto(`/manage/opportunities/${id}/applications`);
      await applications.verify();
      expect(await page.getByRole('link', { name: /Propose as a match/ }).count()).toBe(0);
      expect(await page.locator('#applications .govuk-tag').innerText()).toBe('Proposed');
    } finally {
      await world.lead.http.patch(`/api/partnerships/${world.partnershipId}/settings`).send({ academicsMayProposeMatches: false }).expect(200);
    }
  });

  it('says when there are no recommendations yet, and when there are no matches', async () => {
    const id = await posted({ title: 'Lecture on assessment' });
    const { page } = await academicOnList();
    await page.goto(`/manage/opportunities/${id}/recommendations`);
    await on(OpportunityRecommendationsPage, page);
    expect(await page.locator('#no-recommendations').innerText()).toMatch(/There are no recommendations yet/);
    await page.goto(`/manage/opportunities/${id}/matches`);
    await on(OpportunityMatchesPage, page);
    expect(await page.locator('#no-matches').innerText()).toBe('No matches have been proposed yet.');
  });

  it('lets a lead post for a member council and propose a match from an application', async () => {
    const page = await signedIn(world.lead);
    await on(LeadHomePage, page);
    await page.getByRole('link', { name: 'Opportunities', exact: true }).click();
    await on(ManageOpportunitiesPage, page);
    await page.getByRole('button', { name: 'Post an opportunity' }).click();
    const type = await on(TypeStepPage, page);
    await page.getByLabel('Practice educator').check();
    await continueButton(page);
    await expectErrors(page, type, ['Select who is hosting it']);
    await page.getByLabel('Norfolk County Council').check();
    await continueButton(page);
    await (await on(DetailsStepPage, page)).fill({ title: 'Placement supervision', description: 'Supervising a final-year student.', contact: 'Workforce team' });
    await continueButton(page);
    await (await on(SessionsStepPage, page)).fill({ date: typedDateIn(90), start: '9am', end: '5pm', place: 'County Hall' });
    await continueButton(page);
    await on(EligibilityStepPage, page);
    await page.getByLabel('Social worker', { exact: true }).check();
    await page.getByLabel('PEPS stage 1 or above').check();
    await continueButton(page);
    await (await on(PlacesStepPage, page)).fill('1', typedDateIn(80), '5pm');
    await continueButton(page);
    const check = await on(CheckOpportunityPage, page);
    expect(await check.summary()).toContain('Norfolk County Council');
    await page.getByRole('button', { name: 'Publish' }).click();
    const opportunity = await on(ManagedOpportunityPage, page);
    expect(await page.locator('.govuk-caption-l').first().innerText()).toBe('Practice educator at Norfolk County Council');
    const id = new URL(page.url()).pathname.split('/').pop()!;

    await world.practitioner.http.post(`/api/opportunities/${id}/applications`).send({ statement: 'I am a stage 1 practice educator.' }).expect(201);
    await opportunity.tab(/Applications/);
    await on(OpportunityApplicationsPage, page);
    await page.getByRole('link', { name: 'Propose A practitioner as a match' }).click();
    await on(ProposeMatchPage, page);
    const decider = await page.locator('main').innerText();
    expect(decider).toContain('You approve or reject the match once it is proposed.');
    expect(decider).not.toContain('A partnership lead will');
    await page.getByRole('button', { name: 'Propose match' }).click();
    expect(await (await on(OpportunityMatchesPage, page)).rows()).toHaveLength(1);
    await page.goto(`/manage/opportunities/${id}/recommendations`);
    await on(OpportunityRecommendationsPage, page);
  });

  it('shows another partnership’s opportunity as not found, and a practitioner the 403 page', async () => {
    const { page } = await academicOnList();
    for (const path of [`/manage/opportunities/${elsewhere}`, `/manage/opportunities/${elsewhere}/applications`, `/manage/opportunities/${elsewhere}/edit`, '/manage/opportunities/not-an-id']) {
      expect([path, (await page.goto(path))?.status()]).toEqual([path, 404]);
      await on(NotFoundPage, page);
    }
    const practitionerPage = await signedIn(world.practitioner);
    await on(PractitionerHomePage, practitionerPage);
    expect((await practitionerPage.goto('/manage/opportunities'))?.status()).toBe(403);
    await on(ForbiddenPage, practitionerPage);
  });
});
