/// <reference lib="dom" />
import { jest } from '@jest/globals';
import { inDays, opportunityRequest } from '#libs/testing';
import { on } from './pages/page-object.js';
import {
  ApplicationPage,
  ApplicationSentPage,
  ApplyPage,
  CheckApplicationPage,
  FindOpportunitiesPage,
  FormExpiredPage,
  NotFoundPage,
  OpportunityPage,
  PractitionerHomePage,
  SignInPage,
  WithdrawPage,
} from './pages/service-pages.js';
import { type World, WebStack } from './web-stack.js';

// Each journey runs axe on every page it reaches, which takes a while.
jest.setTimeout(180_000);

describe('a practitioner finds an opportunity and applies, in Chromium', () => {
  let web: WebStack;
  let world: World;
  let elsewhere: string;

  async function published(partnershipId: string, overrides: Record<string, unknown> = {}, academic = world.academic): Promise<string> {
    const id = (await academic.http.post('/api/opportunities').send(opportunityRequest(partnershipId, overrides)).expect(201)).body.id;
    await academic.http.post(`/api/opportunities/${id}/publish`).send({}).expect(200);
    return id;
  }

  beforeAll(async () => {
    web = await WebStack.start();
    world = await web.world();
    await published(world.partnershipId, { title: 'Lecture on child protection', type: 'teaching', sessions: [{ startsAt: inDays(30), endsAt: inDays(30, 12), place: 'Elizabeth Fry Building' }] });
    await published(world.partnershipId, { title: 'Admissions interview day', type: 'interviewing', sessions: [{ startsAt: inDays(40), endsAt: inDays(40, 15), place: 'UEA' }] });
    await published(world.partnershipId, { title: 'Research on kinship care', type: 'research', sessions: [{ startsAt: inDays(50), endsAt: inDays(50, 12), place: 'Online' }] });
    await published(world.partnershipId, { title: 'Peer workshop on court skills', type: 'teaching', sessions: [{ startsAt: inDays(60), endsAt: inDays(60, 12), place: 'County Hall' }] });
    // Another partnership's opportunity, which this practitioner must never see.
    const other = await web.world({ university: 'University of Essex', council: 'Essex County Council', partnership: 'Essex Teaching Partnership' });
    elsewhere = await published(other.partnershipId, { title: 'Somewhere else' }, other.academic);
  });
  afterAll(() => web.close());

  async function signedIn(options: { javaScript?: boolean } = {}) {
    const page = await web.newPage(options);
    const signIn = await SignInPage.open(page);
    await signIn.signInAs(world.practitioner);
    await on(PractitionerHomePage, page);
    return page;
  }

  it('lists the partnership’s open opportunities, soonest first, and narrows them with the filters', async () => {
    const page = await signedIn();
    const find = await FindOpportunitiesPage.open(page);
    expect(await find.resultTitles()).toEqual(['Lecture on child protection', 'Admissions interview day', 'Research on kinship care', 'Peer workshop on court skills']);
    expect(await find.resultCount()).toBe('4 opportunities found');

    await page.getByLabel('Interviewing applicants').check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await find.verify();
    expect(await find.resultTitles()).toEqual(['Admissions interview day']);
    // The selected filter is shown, and removing it brings every result back.
    await page.getByRole('link', { name: /Remove this filter\s+Interviewing applicants/ }).click();
    await find.verify();
    expect(await find.resultTitles()).toHaveLength(4);

    await page.getByLabel('Keywords').fill('kinship');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await find.verify();
    expect(await find.resultTitles()).toEqual(['Research on kinship care']);
  });

  it('says when nothing matches, and what to try', async () => {
    const page = await signedIn();
    const find = await FindOpportunitiesPage.open(page, '?q=astrophysics');
    expect(await find.resultCount()).toBe('No opportunities found');
    expect(await page.locator('main').innerText()).toContain('removing filters');
  });

  it('refuses a date that is not real, with the error on the field', async () => {
    const page = await signedIn();
    const find = await FindOpportunitiesPage.open(page, '?from-day=31&from-month=2&from-year=2027');
    expect(await find.errorSummary()).toEqual(['Starting from must be a real date, like 27 3 2027']);
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.locator('#from-day').inputValue()).toBe('31');
  });

  it('applies: statement, check your answers, confirmation; then the application is on the home page with its history', async () => {
    const page = await signedIn();
    const find = await FindOpportunitiesPage.open(page);
    const opportunity = await find.openResult('Lecture on child protection');
    expect(await page.locator('main').innerText()).toContain('Student or above');
    expect(await page.locator('main').innerText()).toContain('2 of 2');
    const apply = await opportunity.apply();

    await page.getByRole('button', { name: 'Continue' }).click();
    await apply.verify();
    expect(await apply.errorSummary()).toEqual(['Enter why you would like to take part']);

    await apply.continueWith('I have run child protection conferences for six years.');
    const check = await on(CheckApplicationPage, page);
    // Change goes back with the statement kept.
    await page.getByRole('link', { name: /Change/ }).click();
    await on(ApplyPage, page);
    expect(await page.getByLabel('Why would you like to take part?').inputValue()).toBe('I have run child protection conferences for six years.');
    await page.getByRole('button', { name: 'Continue' }).click();
    await check.verify();
    await check.send();
    await on(ApplicationSentPage, page);

    await page.getByRole('link', { name: 'see your application' }).click();
    const application = await on(ApplicationPage, page);
    expect(await application.status()).toBe('Submitted');
    expect(await application.timeline()).toEqual(['Application sent']);

    await page.goto('/home');
    const home = await on(PractitionerHomePage, page);
    expect((await home.applicationRows()).join('\n')).toContain('Lecture on child protection');

    // Applying twice is refused with the API's reason, on the check page.
    const [row] = await web.stack.query<{ id: string }>(`SELECT id FROM opportunities WHERE title = 'Lecture on child protection'`);
    await page.goto(`/opportunities/${row!.id}/apply`);
    await new ApplyPage(page).continueWith('Again');
    await check.verify();
    await check.send();
    const again = await on(CheckApplicationPage, page);
    expect((await again.errorSummary())[0]).toMatch(/already applied/i);
  });

  it('withdraws an application after asking to confirm', async () => {
    const page = await signedIn();
    const find = await FindOpportunitiesPage.open(page);
    const apply = await (await find.openResult('Admissions interview day')).apply();
    await apply.continueWith('I sit on interview panels at work.');
    await (await on(CheckApplicationPage, page)).send();
    await on(ApplicationSentPage, page);
    await page.getByRole('link', { name: 'see your application' }).click();
    await on(ApplicationPage, page);
    await page.getByRole('button', { name: 'Withdraw application' }).click();
    await on(WithdrawPage, page);
    await page.getByRole('link', { name: 'No, keep it' }).click();
    expect(await (await on(ApplicationPage, page)).status()).toBe('Submitted');
    await page.getByRole('button', { name: 'Withdraw application' }).click();
    await on(WithdrawPage, page);
    await page.getByRole('button', { name: 'Yes, withdraw my application' }).click();
    const home = await on(PractitionerHomePage, page);
    expect(await home.banner()).toBe('You withdrew your application for Admissions interview day');
    const [row] = await web.stack.query<{ status: string }>(
      `SELECT a.status FROM applications a JOIN opportunities o ON o.id = a.opportunity_id WHERE o.title = 'Admissions interview day'`,
    );
    expect(row!.status).toBe('withdrawn');
  });

  it('shows another partnership’s opportunity, and an address that is not an id, as not found', async () => {
    const page = await signedIn();
    expect((await page.goto(`/opportunities/${elsewhere}`))?.status()).toBe(404);
    await on(NotFoundPage, page);
    expect((await page.goto('/opportunities/not-an-id'))?.status()).toBe(404);
    await on(NotFoundPage, page);
    expect((await page.goto(`/opportunities/${elsewhere}/apply`))?.status()).toBe(404);
  });

  it('refuses a form sent without its token, and changes nothing', async () => {
    const page = await signedIn();
    const find = await FindOpportunitiesPage.open(page);
    const apply = await (await find.openResult('Research on kinship care')).apply();
    await page.locator('#main-content form input[name=_csrf]').evaluate((input) => input.remove());
    await page.getByLabel('Why would you like to take part?').fill('Forged');
    await page.getByRole('button', { name: 'Continue' }).click();
    await on(FormExpiredPage, page);
    await page.getByRole('link', { name: 'Go back to the form' }).click();
    await apply.verify();
    expect(await page.getByLabel('Why would you like to take part?').inputValue()).toBe('');
  });

  it('applies with the keyboard alone', async () => {
    const page = await signedIn();
    const [row] = await web.stack.query<{ id: string }>(`SELECT id FROM opportunities WHERE title = 'Research on kinship care'`);
    await page.goto(`/opportunities/${row!.id}`);
    await on(OpportunityPage, page);
    // Tab to the Apply link (a skip link, the header and navigation come first) and press Enter.
    await tabTo(page, 'Apply');
    await pressEnter(page);
    await on(ApplyPage, page);
    await tabTo(page, 'Why would you like to take part?', 'textarea');
    await page.keyboard.type('I research kinship care with my team.');
    await tabTo(page, 'Continue');
    await pressEnter(page);
    await on(CheckApplicationPage, page);
    await tabTo(page, 'Send application');
    await pressEnter(page);
    await on(ApplicationSentPage, page);
  });

  it('works with JavaScript turned off: find, apply, withdraw', async () => {
    const page = await signedIn({ javaScript: false });
    expect(await page.locator('body').getAttribute('class')).not.toContain('js-enabled');
    const find = await FindOpportunitiesPage.open(page);
    await page.getByLabel('Teaching').check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await find.verify();
    expect(await find.resultTitles()).toEqual(['Lecture on child protection', 'Peer workshop on court skills']);
    const apply = await (await find.openResult('Peer workshop on court skills')).apply();
    await apply.continueWith('Without JavaScript.');
    await (await on(CheckApplicationPage, page)).send();
    await on(ApplicationSentPage, page);
    await page.getByRole('link', { name: 'see your application' }).click();
    await on(ApplicationPage, page);
    await page.getByRole('button', { name: 'Withdraw application' }).click();
    await on(WithdrawPage, page);
    await page.getByRole('button', { name: 'Yes, withdraw my application' }).click();
    await on(PractitionerHomePage, page);
  });
});

/** Presses Enter on what has the focus, and waits for the page it leads to. */
async function pressEnter(page: import('playwright-core').Page): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
}

/** Presses Tab until the focused element has this accessible name (a link, a button or a field). */
async function tabTo(page: import('playwright-core').Page, name: string, tag?: string): Promise<void> {
  for (let presses = 0; presses < 60; presses += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element) return { text: '', tag: '' };
      const label = element.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : null;
      return { text: (label ?? element.innerText ?? element.getAttribute('value') ?? '').trim(), tag: element.tagName.toLowerCase() };
    });
    if (focused.text === name && (!tag || focused.tag === tag)) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}
