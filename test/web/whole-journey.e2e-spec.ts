/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import { jest } from '@jest/globals';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { eventually, opportunityRequest, type ReceivedMail, SmtpInbox } from '#libs/testing';
import type { Person } from '../support/people.js';
import { ApproveMatchPage, CheckDecisionPage, LeadHomePage, MatchPage } from './pages/decision-pages.js';
import {
  CheckOpportunityPage,
  DetailsStepPage,
  EligibilityStepPage,
  ManagedOpportunityPage,
  ManageOpportunitiesPage,
  OpportunityApplicationsPage,
  PlacesStepPage,
  SessionsStepPage,
  TypeStepPage,
  typedDateIn,
} from './pages/manage-pages.js';
import { on, type PageObject } from './pages/page-object.js';
import { ApplicationSentPage, CheckApplicationPage, FindOpportunitiesPage, OpportunityPage, PractitionerHomePage, SignInPage } from './pages/service-pages.js';
import { type World, WebStack } from './web-stack.js';

// One journey through three people's pages, axe on each of them, and the emails on the way.
jest.setTimeout(300_000);

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const TITLE = 'Family court skills workshop';
const STATEMENT = 'I have given evidence in care proceedings for eight years.';
const NOTE = 'Please bring your ID badge; ask for Dr Reed at reception.';

describe('the whole journey, from posting an opportunity to the practitioner’s calendar, only through the pages, in Chromium', () => {
  let inbox: SmtpInbox;
  let web: WebStack;
  let world: World;
  let opportunityId: string;
  let practitioner: Page;
  let lead: Page;
  // Three weeks ahead, typed as the academic reads the clock in London.
  const session = { date: typedDateIn(21), start: '10am', end: '12:30pm', place: 'Elizabeth Fry Building, UEA' };
  const sessionDay = DateTime.fromObject({ year: Number(session.date.year), month: Number(session.date.month), day: Number(session.date.day) }, { zone: 'Europe/London' });

  /** Where the email's button (its one action) leads, as its text part gives it. */
  const actionIn = (mail: ReceivedMail, label: string) => {
    const found = new RegExp(`^${escaped(label)}: (\\S+)`, 'm').exec(mail.parsed.text ?? '');
    if (!found) throw new Error(`no "${label}" link in ${mail.parsed.text}`);
    return found[1]!;
  };
  const mailWith = (address: string, subject: string) => eventually(() => inbox.to(address).find((mail) => mail.parsed.subject === subject) ?? false);

  async function signedIn(person: Person, options: { javaScript?: boolean } = {}): Promise<Page> {
    const page = await web.newPage(options);
    await (await SignInPage.open(page)).signInAs(person);
    return page;
  }

  /** Arrives on a step of posting an opportunity, at its own address. */
  async function step<T extends PageObject>(Type: new (page: Page) => T, page: Page, name: string): Promise<T> {
    const arrived = await on(Type, page);
    expect(new URL(page.url()).pathname).toBe(`/manage/opportunities/new/${name}`);
    return arrived;
  }
  const continueButton = (page: Page) => page.getByRole('button', { name: 'Continue', exact: true }).click();

  beforeAll(async () => {
    inbox = await SmtpInbox.start();
    web = await WebStack.start({ SMTP_URL: inbox.url, EVENT_JOB_BACKOFF_MS: 100 });
    await web.stack.startWorker('notification');
    world = await web.world();
    // Names people would have, so that each page and email says whom it is about.
    for (const [person, name] of [[world.practitioner, 'Priya Shah'], [world.academic, 'Jo Reed'], [world.lead, 'Alex Morgan']] as const) {
      await web.stack.query('UPDATE users SET display_name = $2 WHERE id = $1', [person.id, name]);
    }
    // Something else open, of another type, for the practitioner's filter to leave out.
    const other = (await world.academic.http.post('/api/opportunities').send(opportunityRequest(world.partnershipId, { type: 'interviewing', title: 'Admissions interview day' })).expect(201)).body.id;
    await world.academic.http.post(`/api/opportunities/${other}/publish`).send({}).expect(200);
  });
  afterAll(async () => {
    await web.close();
    await inbox.stop();
  });

  it('lets the academic post an opportunity through every step and publish it', async () => {
    const page = await signedIn(world.academic);
    // The academic's home is their opportunities.
    await on(ManageOpportunitiesPage, page);
    await page.getByRole('button', { name: 'Post an opportunity' }).click();

    await step(TypeStepPage, page, 'type');
    await page.getByLabel('Teaching', { exact: true }).check();
    await continueButton(page);
    const details = await step(DetailsStepPage, page, 'details');
    await details.fill({ title: TITLE, description: 'A workshop for final-year students on giving evidence in court.\nWith time for questions.', contact: 'Dr Jo Reed' });
    await continueButton(page);
    await (await step(SessionsStepPage, page, 'sessions')).fill(session);
    await continueButton(page);
    await step(EligibilityStepPage, page, 'eligibility');
    await page.getByLabel('Social worker', { exact: true }).check();
    await page.getByLabel('Not needed').check();
    await continueButton(page);
    // Closing within 14 days with places left, so it is also among what needs the lead.
    await (await step(PlacesStepPage, page, 'places')).fill('2', typedDateIn(10), '5pm');
    await continueButton(page);

    const check = await step(CheckOpportunityPage, page, 'check');
    const summary = await check.summary();
    expect(summary).toContain(TITLE);
    expect(summary).toContain(`${sessionDay.toFormat('cccc d LLLL yyyy')}, 10am to 12:30pm`);
    expect(summary).toContain('Social worker or above');
    await page.getByRole('button', { name: 'Publish' }).click();

    const published = await on(ManagedOpportunityPage, page);
    expect(await published.banner()).toBe(`${TITLE} is published`);
    expect(await published.status()).toBe('Open');
    opportunityId = new URL(page.url()).pathname.split('/').pop()!;
    expect(opportunityId).toMatch(/^[0-9a-f-]{36}$/);
  });

  // The practitioner's browser has JavaScript off: the journey must not need it. Axe cannot run
  // there; these pages are checked with it in finding-and-applying and deciding-matches.
  it('lets the practitioner find it with a filter, open it and apply, with JavaScript off', async () => {
    const page = (practitioner = await signedIn(world.practitioner, { javaScript: false }));
    await on(PractitionerHomePage, page);
    expect(await page.locator('body').getAttribute('class')).not.toContain('js-enabled');
    await page.getByRole('button', { name: 'Find opportunities' }).click();
    const find = await on(FindOpportunitiesPage, page);
    expect(await find.resultTitles()).toEqual(expect.arrayContaining([TITLE, 'Admissions interview day']));
    await page.getByLabel('Teaching').check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await find.verify();
    expect(await find.resultTitles()).toEqual([TITLE]);

    const opportunity = await find.openResult(TITLE);
    expect(await page.locator('h1').innerText()).toBe(TITLE);
    expect(await page.locator('main').innerText()).toContain('2 of 2');
    const apply = await opportunity.apply();
    await apply.continueWith(STATEMENT);
    const check = await on(CheckApplicationPage, page);
    expect(await page.locator('main').innerText()).toContain(STATEMENT);
    await check.send();
    await on(ApplicationSentPage, page);
  });

  it('shows the lead the application on their home, and lets them propose the match and approve it after seeing the email', async () => {
    const page = (lead = await signedIn(world.lead));
    const home = await on(LeadHomePage, page);
    expect(await home.waitingApplications()).toEqual([expect.stringMatching(new RegExp(`^Priya Shah applied for ${TITLE} Norfolk County Council\\. Sent .+\\. 0 of 2 places taken\\.$`))]);
    expect(await home.closingSoon()).toEqual([expect.stringMatching(new RegExp(`^${TITLE} Closes .+\\. 0 of 2 places taken, 0 proposed\\.$`))]);

    const opportunity = await home.openApplication(TITLE);
    expect(new URL(page.url()).pathname).toBe(`/decisions/opportunities/${opportunityId}`);
    expect(await page.locator('h1').innerText()).toBe(TITLE);
    await opportunity.proposeFromApplication(STATEMENT);
    expect(await opportunity.banner()).toBe('Priya Shah is proposed as a match');
    expect(await opportunity.matches()).toEqual([['Priya Shah From their application', 'Proposed', 'Approve Priya Shah Reject Priya Shah']]);

    await opportunity.decide('Approve');
    await (await on(ApproveMatchPage, page)).continueWith(NOTE);
    const check = await on(CheckDecisionPage, page);
    const email = await check.emailPreview();
    expect(email).toContain(`Subject: Confirmed: ${TITLE}`);
    expect(email).toContain('Dear Priya Shah,');
    expect(email).toContain(`A note from the partnership lead: ${NOTE}`);
    expect(email).toContain(session.place);
    await check.confirm();
    await opportunity.verify();
    expect(await opportunity.banner()).toBe(`Priya Shah has a place on ${TITLE}`);
    expect(await opportunity.matches()).toEqual([['Priya Shah From their application', 'Approved', expect.any(String)]]);
  });

  it('shows the practitioner the approved match on their home, with its history, and downloads the calendar file', async () => {
    const page = practitioner;
    await page.goto('/home');
    const home = await on(PractitionerHomePage, page);
    expect((await home.applicationRows()).find((row) => row.includes(TITLE))).toContain('Approved');
    await page.getByRole('link', { name: TITLE, exact: true }).click();
    const match = await on(MatchPage, page);
    expect(await match.status()).toBe('Approved');
    expect(await match.timeline()).toEqual(['Approved', 'Proposed as a match', 'Application sent']);
    expect(await match.timelineText()).toContain(NOTE);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the sessions for your calendar' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    const calendar = await readFile((await download.path()), 'utf8');
    expect(calendar).toContain('BEGIN:VCALENDAR');
    // The time the academic typed, in London time whatever the season.
    expect(calendar).toContain(`DTSTART;TZID=Europe/London:${sessionDay.toFormat('yyyyMMdd')}T100000`);
    expect(calendar).toContain(`DTEND;TZID=Europe/London:${sessionDay.toFormat('yyyyMMdd')}T123000`);
    expect(calendar).toContain(`SUMMARY:${TITLE}`);
  });

  it('emails the practitioner the approval, with a link that opens the opportunity in their browser', async () => {
    const mail = await mailWith(world.practitioner.email, `Confirmed: ${TITLE}`);
    expect(mail.parsed.text).toContain(NOTE);
    const link = actionIn(mail, 'See the opportunity');
    expect(link).toBe(`${web.webUrl}/opportunities/${opportunityId}`);
    await practitioner.goto(link);
    await on(OpportunityPage, practitioner);
    expect(await practitioner.locator('h1').innerText()).toBe(TITLE);
    expect(await practitioner.locator('main').innerText()).toContain('View your application');
  });

  it('emails the lead about the new application, with a link that opens that opportunity’s applications in their browser', async () => {
    const mail = await mailWith(world.lead.email, `New application: ${TITLE}`);
    expect(mail.parsed.text).toContain(`Priya Shah has applied for "${TITLE}"`);
    const link = actionIn(mail, 'See the applications');
    expect(link).toBe(`${web.webUrl}/manage/opportunities/${opportunityId}/applications`);
    await lead.goto(link);
    const applications = await on(OpportunityApplicationsPage, lead);
    expect(await applications.applicants()).toEqual(['Priya Shah']);
    expect(await lead.locator('#applications').innerText()).toContain(STATEMENT);
  });

  it('leaves the database as the journey made it', async () => {
    const [opportunity] = await web.stack.query<Record<string, unknown>>(
      `SELECT o.status, o.type, o.capacity, o.created_by, s.starts_at, s.ends_at, s.place
         FROM opportunities o JOIN opportunity_sessions s ON s.opportunity_id = o.id WHERE o.id = $1`,
      [opportunityId],
    );
    expect(opportunity).toEqual({
      status: 'published',
      type: 'teaching',
      capacity: 2,
      created_by: world.academic.id,
      starts_at: sessionDay.set({ hour: 10 }).toJSDate(),
      ends_at: sessionDay.set({ hour: 12, minute: 30 }).toJSDate(),
      place: session.place,
    });
    const rows = await web.stack.query(
      `SELECT a.status AS application, a.statement, m.status AS match, m.note, m.proposed_by, m.decided_by
         FROM applications a JOIN matches m ON m.application_id = a.id WHERE a.opportunity_id = $1 AND a.practitioner_id = $2`,
      [opportunityId, world.practitioner.id],
    );
    expect(rows).toEqual([{ application: 'submitted', statement: STATEMENT, match: 'approved', note: NOTE, proposed_by: world.lead.id, decided_by: world.lead.id }]);
  });
});
