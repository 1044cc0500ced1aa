/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import { jest } from '@jest/globals';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { inDays, opportunityRequest, profileRequest } from '#libs/testing';
import { type Person, personWith } from '../support/people.js';
import {
  ApproveMatchPage,
  CheckDecisionPage,
  DecisionOpportunitiesPage,
  DecisionOpportunityPage,
  LeadHomePage,
  MatchPage,
  RejectMatchPage,
} from './pages/decision-pages.js';
import { ProposeMatchPage } from './pages/manage-pages.js';
import { on } from './pages/page-object.js';
import { ForbiddenPage, NotFoundPage, PractitionerHomePage, SignInPage } from './pages/service-pages.js';
import { type World, WebStack } from './web-stack.js';

// Each journey runs axe on every page it reaches, which takes a while.
jest.setTimeout(180_000);

describe('a partnership lead decides matches, and the practitioner sees theirs, in Chromium', () => {
  let web: WebStack;
  let world: World;
  let other: World;
  let sam: Person;
  let jo: Person;
  const ids = {} as Record<'workshop' | 'interviews' | 'seminar', string>;
  const workshopSession = { startsAt: inDays(10), endsAt: inDays(10, 12), place: 'Elizabeth Fry Building, UEA' };

  async function published(overrides: Record<string, unknown>): Promise<string> {
    const id = (await world.academic.http.post('/api/opportunities').send(opportunityRequest(world.partnershipId, overrides)).expect(201)).body.id;
    await world.academic.http.post(`/api/opportunities/${id}/publish`).send({}).expect(200);
    return id;
  }
  const apply = async (person: Person, opportunityId: string, statement: string) =>
    (await person.http.post(`/api/opportunities/${opportunityId}/applications`).send({ statement }).expect(201)).body.id as string;
  const matchOf = async (opportunityId: string, practitionerId: string) =>
    (await web.stack.query<{ id: string; status: string; note: string | null }>(
      `SELECT id, status, note FROM matches WHERE opportunity_id = $1 AND practitioner_id = $2 ORDER BY proposed_at DESC LIMIT 1`,
      [opportunityId, practitionerId],
    ))[0]!;

  beforeAll(async () => {
    web = await WebStack.start();
    world = await web.world();
    other = await web.world({ university: 'University of Essex', council: 'Essex County Council', partnership: 'Essex Teaching Partnership' });
    sam = await personWith(web.api, web.admin, 'practitioner', { councilId: world.councilId });
    jo = await personWith(web.api, web.admin, 'practitioner', { councilId: world.councilId });
    for (const person of [sam, jo]) await person.http.put('/api/me/profile').send(profileRequest({ careerStage: 'social_worker' })).expect(200);
    // Names people would have, so that each page says whom it is about.
    for (const [person, name] of [[world.practitioner, 'Priya Shah'], [sam, 'Sam Okafor'], [jo, 'Jo Lee'], [world.lead, 'Alex Morgan']] as const) {
      await web.stack.query('UPDATE users SET display_name = $2 WHERE id = $1', [person.id, name]);
    }

    ids.workshop = await published({ title: 'Court skills workshop', capacity: 2, closesAt: inDays(5), sessions: [workshopSession] });
    ids.interviews = await published({ title: 'Admissions interview day', capacity: 1, closesAt: inDays(20) });
    ids.seminar = await published({ title: 'Seminar on kinship care', capacity: 2, closesAt: inDays(25) });
    await apply(world.practitioner, ids.workshop, 'I have given evidence in care proceedings for eight years.');
    await apply(sam, ids.workshop, 'I would like to learn how to present evidence.');
    // Jo is recommended for the workshop, as the matching worker would have left it.
    await web.stack.query(`INSERT INTO recommendations (opportunity_id, practitioner_id, score, reasons, factors) VALUES ($1, $2, 83.33, $3, '{}')`, [
      ids.workshop,
      jo.id,
      ['covers 1 of 1 specialisms asked for', 'no opportunity taken yet'],
    ]);
  });
  afterAll(() => web.close());

  async function signedIn(person: Person, options: { javaScript?: boolean; width?: number } = {}): Promise<Page> {
    const page = await web.newPage(options);
    const signIn = await SignInPage.open(page);
    await signIn.signInAs(person);
    await page.waitForURL('**/home');
    return page;
  }

  it('shows the lead what needs them: applications without a decision, and opportunities closing with places left', async () => {
    const page = await signedIn(world.lead);
    const home = await on(LeadHomePage, page);
    expect(await home.waitingApplications()).toEqual([
      expect.stringMatching(/^Priya Shah applied for Court skills workshop Norfolk County Council\. Sent .+\. 0 of 2 places taken\.$/),
      expect.stringMatching(/^Sam Okafor applied for Court skills workshop Norfolk County Council\. Sent /),
    ]);
    expect(await home.closingSoon()).toEqual([expect.stringMatching(/^Court skills workshop Closes .+\. 0 of 2 places taken, 0 proposed\.$/)]);
    expect(await home.proposedMatches()).toEqual([]);
    expect(await home.main()).toContain('No matches are waiting for a decision.');
    expect(await page.locator('.govuk-service-navigation').innerText()).toContain('Decisions');

    await page.getByRole('link', { name: 'Decisions', exact: true }).click();
    await on(DecisionOpportunitiesPage, page);
    expect(await page.locator('#opportunities').innerText()).toContain('Admissions interview day');
  });

  it('tells the lead of a new partnership that nothing needs them', async () => {
    const page = await signedIn(other.lead);
    const home = await on(LeadHomePage, page);
    expect(await home.main()).toContain('Nothing needs you at the moment.');
    expect(await home.waitingApplications()).toEqual([]);
  });

  it('shows applications and recommendations side by side on a wide screen, one above the other on a phone', async () => {
    const wide = await DecisionOpportunityPage.open(await signedIn(world.lead), ids.workshop);
    const [applications, recommendations] = await wide.columnsLeft();
    expect(recommendations).toBeGreaterThan(applications + 300);
    expect(await wide.recommendation(jo.id).innerText()).toContain('Score 83 out of 100');
    expect(await wide.recommendation(jo.id).innerText()).toContain('no opportunity taken yet');

    const narrow = await DecisionOpportunityPage.open(await signedIn(world.lead, { width: 390 }), ids.workshop);
    const [top, below] = await narrow.columnsLeft();
    expect(below).toBe(top);
  });

  it('proposes a match from an application, and approves it with a note after seeing the email', async () => {
    const page = await signedIn(world.lead);
    const opportunity = await (await on(LeadHomePage, page)).openOpportunity('Court skills workshop');
    expect(await opportunity.matches()).toEqual([]);
    await opportunity.application('I have given evidence in care proceedings').getByRole('button', { name: /^Propose match/ }).click();
    // The confirmation page lives under /manage, but the lead is still in their decisions.
    const confirmation = await on(ProposeMatchPage, page);
    expect(await confirmation.currentSection()).toEqual(['Decisions']);
    await page.getByRole('button', { name: 'Propose match' }).click();
    await opportunity.verify();
    expect(await opportunity.banner()).toBe('Priya Shah is proposed as a match');
    expect(await opportunity.matches()).toEqual([['Priya Shah From their application', 'Proposed', 'Approve Priya Shah Reject Priya Shah']]);
    // Proposed, it is no longer proposable.
    expect(await opportunity.application('I have given evidence').getByRole('button').count()).toBe(0);

    await opportunity.decide('Approve');
    const approve = await on(ApproveMatchPage, page);
    await approve.continueWith('n'.repeat(1001));
    await approve.verify();
    expect(await approve.errorSummary()).toEqual(['Your note must be 1000 characters or fewer']);
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.getByLabel(/Add a note for/).inputValue()).toHaveLength(1001);

    await approve.continueWith('Please bring your ID badge; ask for Dr Reed at reception.');
    const check = await on(CheckDecisionPage, page);
    const email = await check.emailPreview();
    expect(email).toContain('Subject: Confirmed: Court skills workshop');
    expect(email).toContain('Dear Priya Shah,');
    expect(email).toContain('A note from the partnership lead: Please bring your ID badge; ask for Dr Reed at reception.');
    expect(email).toContain('Elizabeth Fry Building, UEA');
    expect(await matchOf(ids.workshop, world.practitioner.id)).toMatchObject({ status: 'proposed' });

    await check.confirm();
    await opportunity.verify();
    expect(await opportunity.banner()).toBe('Priya Shah has a place on Court skills workshop');
    expect(await opportunity.matches()).toEqual([['Priya Shah From their application', 'Approved', expect.any(String)]]);
    expect(await matchOf(ids.workshop, world.practitioner.id)).toMatchObject({ status: 'approved', note: 'Please bring your ID badge; ask for Dr Reed at reception.' });
  });

  it('rejects a match with a reason, which the email gives', async () => {
    const page = await signedIn(world.lead);
    const opportunity = await DecisionOpportunityPage.open(page, ids.workshop);
    await opportunity.proposeFromApplication('I would like to learn');
    await opportunity.decide('Reject', 1);
    const reject = await on(RejectMatchPage, page);
    await reject.continueWith(['More people offered their time than there are places'], 'Do apply for the next one.');
    const check = await on(CheckDecisionPage, page);
    const email = await check.emailPreview();
    expect(email).toContain('Subject: About your application for Court skills workshop');
    expect(email).toContain('A note from the partnership lead: More people offered their time than there are places. Do apply for the next one.');

    // Change goes back with the answers kept.
    await page.getByRole('link', { name: /Change/ }).click();
    await reject.verify();
    expect(await page.getByLabel('More people offered their time than there are places').isChecked()).toBe(true);
    expect(await page.getByLabel('Anything else you would like to tell them (optional)').inputValue()).toBe('Do apply for the next one.');
    await page.getByRole('button', { name: 'Continue' }).click();
    await check.verify();
    await check.confirm();

    await opportunity.verify();
    expect(await opportunity.banner()).toBe('The match for Sam Okafor is not going ahead');
    expect((await opportunity.matches())[1]).toEqual(['Sam Okafor From their application', 'Not approved', expect.any(String)]);
    expect(await matchOf(ids.workshop, sam.id)).toMatchObject({ status: 'rejected', note: 'More people offered their time than there are places. Do apply for the next one.' });
  });

  it('proposes a recommended practitioner, who sees the match among theirs', async () => {
    const lead = await signedIn(world.lead);
    const opportunity = await DecisionOpportunityPage.open(lead, ids.workshop);
    await opportunity.proposeFromRecommendation(jo.id);
    expect((await opportunity.matches())[2]).toEqual(['Jo Lee From a recommendation', 'Proposed', 'Approve Jo Lee Reject Jo Lee']);
    expect(await (await LeadHomePage.open(lead)).proposedMatches()).toEqual([
      expect.stringMatching(/^Jo Lee for Court skills workshop Norfolk County Council\. Proposed .+ from a recommendation\. 1 of 2 places taken\. Approve Jo Lee for Court skills workshop Reject Jo Lee for Court skills workshop$/),
    ]);

    const page = await signedIn(jo);
    await on(PractitionerHomePage, page);
    expect(await page.locator('#matches').innerText()).toContain('Court skills workshop');
    await page.locator('#matches').getByRole('link', { name: 'Court skills workshop' }).click();
    const match = await on(MatchPage, page);
    expect(await match.status()).toBe('Proposed');
    expect(await match.timeline()).toEqual(['Proposed from your profile']);
    expect(await page.getByRole('button', { name: 'Download the sessions for your calendar' }).count()).toBe(0);
  });

  it('shows the API’s reason when no place is left, and changes nothing', async () => {
    const [first, second] = [await apply(world.practitioner, ids.interviews, 'Panels are my work.'), await apply(sam, ids.interviews, 'I interview often.')];
    const proposed = [];
    for (const applicationId of [first, second]) proposed.push((await world.lead.http.post('/api/matches').send({ applicationId }).expect(201)).body.id as string);
    await world.lead.http.post(`/api/matches/${proposed[0]}/approve`).send({}).expect(200);

    const page = await signedIn(world.lead);
    await page.goto(`/decisions/matches/${proposed[1]}/approve`);
    await (await on(ApproveMatchPage, page)).continueWith('');
    const check = await on(CheckDecisionPage, page);
    const [response] = await Promise.all([page.waitForResponse((answer) => answer.request().method() === 'POST'), check.confirm()]);
    expect(response.status()).toBe(409);
    await check.verify();
    expect(await check.errorSummary()).toEqual(['The opportunity is filled: no places can be taken.']);
    expect(await page.title()).toMatch(/^Error: /);
    expect(await matchOf(ids.interviews, sam.id)).toMatchObject({ status: 'proposed' });
  });

  it('shows another partnership’s lead the not-found page for this opportunity and match', async () => {
    const page = await signedIn(other.lead);
    const { id } = await matchOf(ids.workshop, world.practitioner.id);
    expect((await page.goto(`/decisions/opportunities/${ids.workshop}`))?.status()).toBe(404);
    await on(NotFoundPage, page);
    expect((await page.goto(`/decisions/matches/${id}/approve`))?.status()).toBe(404);
    await on(NotFoundPage, page);
    expect((await page.goto(`/decisions/matches/${id}/reject`))?.status()).toBe(404);
  });

  it('shows a practitioner the page saying they cannot decide matches', async () => {
    const page = await signedIn(world.practitioner);
    const { id } = await matchOf(ids.workshop, world.practitioner.id);
    expect((await page.goto(`/decisions/opportunities/${ids.workshop}`))?.status()).toBe(403);
    await on(ForbiddenPage, page);
    expect((await page.goto(`/decisions/matches/${id}/approve`))?.status()).toBe(403);
    await on(ForbiddenPage, page);
  });

  it('shows the practitioner their approved match with its history, and downloads the calendar file', async () => {
    const page = await signedIn(world.practitioner);
    const home = await on(PractitionerHomePage, page);
    expect((await home.applicationRows()).find((row) => row.includes('Court skills workshop'))).toContain('Approved');
    await page.getByRole('link', { name: 'Court skills workshop' }).click();
    const match = await on(MatchPage, page);
    expect(await match.status()).toBe('Approved');
    expect(await match.timeline()).toEqual(['Approved', 'Proposed as a match', 'Application sent']);
    expect(await match.timelineText()).toContain('Please bring your ID badge; ask for Dr Reed at reception.');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the sessions for your calendar' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    const calendar = await readFile((await download.path()), 'utf8');
    expect(calendar).toContain('BEGIN:VCALENDAR');
    const start = DateTime.fromISO(workshopSession.startsAt).setZone('Europe/London').toFormat("yyyyMMdd'T'HHmmss");
    expect(calendar).toContain(`DTSTART;TZID=Europe/London:${start}`);
    expect(calendar).toContain('SUMMARY:Court skills workshop');

    // Another practitioner's match, and its file, are not found.
    const { id: theirs } = await matchOf(ids.workshop, jo.id);
    expect((await page.goto(`/matches/${theirs}`))?.status()).toBe(404);
    await on(NotFoundPage, page);
    expect((await page.goto(`/matches/${theirs}/calendar.ics`))?.status()).toBe(404);
  });

  it('decides a match with JavaScript turned off', async () => {
    await apply(world.practitioner, ids.seminar, 'I care for my niece under a kinship arrangement.');
    const page = await signedIn(world.lead, { javaScript: false });
    expect(await page.locator('body').getAttribute('class')).not.toContain('js-enabled');
    const opportunity = await DecisionOpportunityPage.open(page, ids.seminar);
    await opportunity.proposeFromApplication('kinship arrangement');
    await opportunity.decide('Approve');
    await (await on(ApproveMatchPage, page)).continueWith('See you there.');
    const check = await on(CheckDecisionPage, page);
    expect(await check.emailPreview()).toContain('A note from the partnership lead: See you there.');
    await check.confirm();
    await opportunity.verify();
    expect(await opportunity.banner()).toBe('Priya Shah has a place on Seminar on kinship care');
    expect(await matchOf(ids.seminar, world.practitioner.id)).toMatchObject({ status: 'approved', note: 'See you there.' });
  });
});
