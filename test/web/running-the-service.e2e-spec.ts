/// <reference lib="dom" />
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import {
  ADMIN,
  AdminHomePage,
  AdminPartnershipPage,
  AdminPartnershipsPage,
  CheckCouncilPage,
  CheckPartnershipPage,
  CheckUniversityPage,
  ChooseMembersPage,
  CouncilsPage,
  EmailSuppressionsPage,
  FormPartnershipPage,
  navigateTo,
  RegisterCouncilPage,
  RegisterUniversityPage,
  UniversitiesPage,
} from './pages/admin-pages.js';
import { on } from './pages/page-object.js';
import { ForbiddenPage, NotFoundPage, PractitionerHomePage, SignInPage } from './pages/service-pages.js';
import { type World, WebStack } from './web-stack.js';

jest.setTimeout(240_000);

describe('an admin runs the service, in Chromium', () => {
  let web: WebStack;

  beforeAll(async () => {
    web = await WebStack.start();
  });
  afterAll(() => web.close());

  async function signedInAdmin(options: { javaScript?: boolean } = {}): Promise<Page> {
    const page = await web.newPage(options);
    await (await SignInPage.open(page)).signIn(ADMIN.email, ADMIN.password);
    await on(AdminHomePage, page);
    return page;
  }

  /** The status of a request for `path` exactly as written (browsers and fetch would tidy its dots away). */
  const statusOf = (path: string, cookie: string, options: { method?: string; headers?: Record<string, string> } = {}) =>
    new Promise<number>((resolve, reject) => {
      const { hostname, port } = new URL(web.webUrl);
      request({ hostname, port, path, method: options.method ?? 'GET', headers: { cookie, ...options.headers } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });

  /** As the notification worker leaves an address whose mail server refused mail for good. */
  const suppress = (email: string) =>
    web.stack.query(`INSERT INTO email_suppressions (email, reason, smtp_response) VALUES ($1, 'hard_bounce', '550 5.1.1 No such user')`, [email]);

  it('shows every list empty before anything is registered', async () => {
    const page = await signedInAdmin();
    const home = await on(AdminHomePage, page);
    expect(await home.count('universities')).toMatch(/^0 registered/);
    expect(await home.count('partnerships')).toMatch(/^0 formed/);
    expect(await page.locator('.govuk-service-navigation__list').getByRole('link').allInnerTexts()).toEqual([
      'Home',
      'Universities',
      'Councils',
      'Partnerships',
      'People',
      'Email suppressions',
      'Queue dashboard',
    ]);

    await navigateTo(page, 'Universities');
    await on(UniversitiesPage, page);
    expect(await page.locator('#no-universities').innerText()).toBe('No universities are registered yet.');
    await navigateTo(page, 'Councils');
    await on(CouncilsPage, page);
    expect(await page.locator('#no-councils').innerText()).toBe('No councils are registered yet.');
    await navigateTo(page, 'Partnerships');
    await on(AdminPartnershipsPage, page);
    expect(await page.locator('#no-partnerships').innerText()).toBe('No partnerships are formed yet.');
    await navigateTo(page, 'Email suppressions');
    await on(EmailSuppressionsPage, page);
    expect(await page.locator('#no-suppressions').innerText()).toBe('No addresses are suppressed.');
  });

  it('registers a university and a council, forms a partnership with them, and appoints its lead', async () => {
    const page = await signedInAdmin();

    await navigateTo(page, 'Universities');
    await page.getByRole('button', { name: 'Register a university' }).click();
    const university = await on(RegisterUniversityPage, page);
    await university.fillIn({});
    await university.verify();
    expect(await university.errorSummary()).toEqual(['Enter the university’s name']);
    expect(await page.title()).toMatch(/^Error: Register a university/);

    // The API refuses the website: its message comes back beside the field, with what was typed.
    await university.fillIn({ name: 'University of Suffolk', shortName: 'UOS', website: 'suffolk dot ac dot uk' });
    const checkUniversity = await on(CheckUniversityPage, page);
    expect(await checkUniversity.answers()).toEqual([
      ['Name', 'University of Suffolk', 'Change the name'],
      ['Short name', 'UOS', 'Change the short name'],
      ['Website', 'suffolk dot ac dot uk', 'Change the website'],
    ]);
    await checkUniversity.register();
    await university.verify();
    expect(await university.errorSummary()).toEqual(['Enter the website address in full, starting with https://, for example https://www.uea.ac.uk']);
    expect(await page.locator('#website-error').innerText()).toContain('Enter the website address in full');
    expect(await page.getByLabel('Short name (optional)').inputValue()).toBe('UOS');
    await university.fillIn({ website: 'https://www.uos.ac.uk' });
    await (await on(CheckUniversityPage, page)).register();
    const universities = await on(UniversitiesPage, page);
    expect(await universities.banner()).toBe('University of Suffolk is registered');
    expect(await universities.names()).toEqual(['University of Suffolk']);

    // A second with the same name: the API's 409, on the name.
    await page.getByRole('button', { name: 'Register a university' }).click();
    await university.fillIn({ name: 'University of Suffolk', shortName: '', website: '' });
    await (await on(CheckUniversityPage, page)).register();
    await university.verify();
    expect(await university.errorSummary()).toEqual(['A university named "University of Suffolk" is already registered.']);
    expect((await web.admin.get('/api/universities').expect(200)).body.items).toHaveLength(1);

    await navigateTo(page, 'Councils');
    await page.getByRole('button', { name: 'Register a council' }).click();
    const council = await on(RegisterCouncilPage, page);
    await council.fillIn({ name: '' });
    await council.verify();
    expect(await council.errorSummary()).toEqual(['Enter the council’s name', 'Select the kind of council', 'Select the council’s region']);
    await council.fillIn({ name: 'Suffolk County Council', kind: 'County council', region: 'East of England' });
    const checkCouncil = await on(CheckCouncilPage, page);
    expect(await checkCouncil.answers()).toEqual([
      ['Name', 'Suffolk County Council', 'Change the name'],
      ['Kind', 'County council', 'Change the kind of council'],
      ['Region', 'East of England', 'Change the region'],
    ]);
    await checkCouncil.register();
    const councils = await on(CouncilsPage, page);
    expect(await councils.banner()).toBe('Suffolk County Council is registered');
    await web.admin.post('/api/councils').send({ name: 'Camden Council', kind: 'london_borough', region: 'london' }).expect(201);
    await councils.filter({ region: 'East of England' });
    await councils.verify();
    expect(await councils.names()).toEqual(['Suffolk County Council']);
    await councils.filter({ kind: 'London borough' });
    await councils.verify();
    expect(await councils.names()).toEqual(['Camden Council']);
    await councils.filter({ region: 'North East', kind: 'County council' });
    await councils.verify();
    expect(await page.locator('#no-councils').innerText()).toBe('No councils of that region and kind are registered.');

    await navigateTo(page, 'Partnerships');
    await page.getByRole('button', { name: 'Form a partnership' }).click();
    const details = await on(FormPartnershipPage, page);
    await details.fillIn({});
    await details.verify();
    expect(await details.errorSummary()).toEqual(['Enter the partnership’s name']);
    await details.fillIn({ name: 'Suffolk Teaching Partnership', description: 'Social work education across Suffolk.' });
    await (await on(ChooseMembersPage, page)).choose(['University of Suffolk', 'Suffolk County Council']);
    const check = await on(CheckPartnershipPage, page);
    expect(await check.answers()).toEqual([
      ['Name', 'Suffolk Teaching Partnership', 'Change the name'],
      ['Description', 'Social work education across Suffolk.', 'Change the description'],
      ['Universities', 'University of Suffolk', 'Change the universities'],
      ['Councils', 'Suffolk County Council', 'Change the councils'],
    ]);
    await check.form();
    const partnership = await AdminPartnershipPage.arrive(page, 'Suffolk Teaching Partnership');
    expect(await partnership.banner()).toBe('Suffolk Teaching Partnership is formed');
    expect(await partnership.members()).toEqual(['University of Suffolk', 'Suffolk County Council']);
    expect(await partnership.leads()).toEqual(['No leads yet.']);

    // Invited, not signed in yet: a lead may be appointed before they first sign in.
    await web.admin.post('/api/invitations').send({ email: 'robin.lead@example.org', displayName: 'Robin Lead', role: 'partnership_lead' }).expect(201);
    const appoint = await partnership.appointLead();
    expect(await appoint.choices()).toEqual(['Robin Lead robin.lead@example.org (invited, not signed in yet)']);
    await appoint.appoint();
    await appoint.verify();
    expect(await appoint.errorSummary()).toEqual(['Select the lead to appoint']);
    await appoint.appoint('Robin Lead');
    await partnership.verify();
    expect(await partnership.banner()).toBe('Robin Lead now leads Suffolk Teaching Partnership');
    expect(await partnership.leads()).toEqual(['Robin Lead']);
    // Someone who leads it already is not offered again.
    expect(await (await partnership.appointLead()).choices()).toEqual([]);
    expect(await page.locator('#no-choices').innerText()).toContain('Everyone invited as a partnership lead leads this partnership already.');

    await navigateTo(page, 'Partnerships');
    expect(await (await on(AdminPartnershipsPage, page)).rows()).toEqual([['Suffolk Teaching Partnership', '2', 'Robin Lead', expect.any(String)]]);
    await navigateTo(page, 'Home');
    expect(await (await on(AdminHomePage, page)).count('partnerships')).toMatch(/^1 formed/);
  });

  it('removes and adds members and stands a lead down, each after asking', async () => {
    const world = await web.world({ university: 'University of Essex', council: 'Essex County Council', partnership: 'Essex Teaching Partnership' });
    const page = await signedInAdmin();
    await page.goto(`/admin/partnerships/${world.partnershipId}`);
    const partnership = await AdminPartnershipPage.arrive(page, 'Essex Teaching Partnership');

    const remove = await partnership.removeMember('Essex County Council');
    await page.getByRole('link', { name: 'No, keep it' }).click();
    await partnership.verify();
    expect(await partnership.members()).toEqual(['University of Essex', 'Essex County Council']);
    await partnership.removeMember('Essex County Council');
    await remove.confirm();
    await partnership.verify();
    expect(await partnership.banner()).toBe('Essex County Council is no longer a member of Essex Teaching Partnership');
    expect(await partnership.members()).toEqual(['University of Essex']);

    const add = await partnership.addMember();
    await add.add();
    await add.verify();
    expect(await add.errorSummary()).toEqual(['Select the university or council to add']);
    await add.add('Essex County Council');
    await partnership.verify();
    expect(await partnership.banner()).toBe('Essex County Council is now a member of Essex Teaching Partnership');
    expect(await partnership.members()).toEqual(['University of Essex', 'Essex County Council']);

    const standDown = await partnership.standDown('A partnership_lead');
    await standDown.confirm();
    await partnership.verify();
    expect(await partnership.banner()).toBe('A partnership_lead no longer leads Essex Teaching Partnership');
    expect(await partnership.leads()).toEqual(['No leads yet.']);
    expect((await web.admin.get(`/api/partnerships/${world.partnershipId}`).expect(200)).body.leads).toEqual([]);
  });

  it('lists suppressed addresses and lifts one after asking', async () => {
    await suppress('gone.away@example.org');
    await suppress('still.gone@example.org');
    const page = await signedInAdmin();
    await navigateTo(page, 'Email suppressions');
    const suppressions = await on(EmailSuppressionsPage, page);
    expect((await suppressions.rows()).map((row) => row.slice(0, 2))).toEqual(
      expect.arrayContaining([
        ['gone.away@example.org', 'Bounced for good 550 5.1.1 No such user'],
        ['still.gone@example.org', 'Bounced for good 550 5.1.1 No such user'],
      ]),
    );
    const lift = await suppressions.lift('gone.away@example.org');
    await lift.confirm();
    await suppressions.verify();
    expect(await suppressions.banner()).toBe('Email will go to gone.away@example.org again');
    expect((await suppressions.rows()).map((row) => row[0])).toEqual(['still.gone@example.org']);
    expect((await web.admin.get('/api/admin/email-suppressions').expect(200)).body.map((row: { email: string }) => row.email)).toEqual(['still.gone@example.org']);
  });

  it('runs the daily digest now, and says so', async () => {
    const page = await signedInAdmin();
    await page.getByRole('button', { name: 'Run the daily digest' }).click();
    const home = await on(AdminHomePage, page);
    expect(await home.banner()).toBe('The daily digest is on its way');
  });

  describe('for everyone else', () => {
    let world: World;
    beforeAll(async () => {
      world = await web.world({ university: 'University of Kent', council: 'Kent County Council', partnership: 'Kent Teaching Partnership' });
    });

    it('answers a practitioner with the 403 page on every admin page', async () => {
      const page = await web.newPage();
      await (await SignInPage.open(page)).signInAs(world.practitioner);
      await on(PractitionerHomePage, page);
      for (const path of ['/admin/universities', '/admin/universities/new', '/admin/councils', '/admin/partnerships', '/admin/email-suppressions', '/admin/queues/']) {
        expect({ path, status: (await page.goto(path))?.status() }).toEqual({ path, status: 403 });
        await on(ForbiddenPage, page);
      }
      // A form posted all the same (its token is good): refused, and nothing run.
      const refused = await page.evaluate(async () => {
        const token = (document.querySelector('input[name=_csrf]') as HTMLInputElement).value;
        return (await fetch('/admin/digests/daily', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `_csrf=${encodeURIComponent(token)}` })).status;
      });
      expect(refused).toBe(403);
    });

    it('answers a lead with the 403 page on the partnership’s admin page and the queue dashboard', async () => {
      const page = await web.newPage();
      await (await SignInPage.open(page)).signInAs(world.lead);
      expect((await page.goto(`/admin/partnerships/${world.partnershipId}`))?.status()).toBe(403);
      await on(ForbiddenPage, page);
      expect((await page.goto('/admin/queues/api/queues'))?.status()).toBe(403);
      await on(ForbiddenPage, page);
    });

    it('answers an admin with the 404 page for a partnership or university that is not there', async () => {
      const page = await signedInAdmin();
      expect((await page.goto(`/admin/partnerships/${randomUUID()}`))?.status()).toBe(404);
      await on(NotFoundPage, page);
      expect((await page.goto('/admin/universities/not-an-id'))?.status()).toBe(404);
      await on(NotFoundPage, page);
      expect((await page.goto(`/admin/partnerships/${world.partnershipId}/members/${randomUUID()}/remove`))?.status()).toBe(404);
      await on(NotFoundPage, page);
    });
  });

  it('registers a council and lifts a suppression with JavaScript off', async () => {
    await suppress('no.script@example.org');
    const page = await signedInAdmin({ javaScript: false });
    await navigateTo(page, 'Councils');
    await page.getByRole('button', { name: 'Register a council' }).click();
    const council = await on(RegisterCouncilPage, page);
    await council.fillIn({ name: 'Norfolk County Council', region: 'East of England' });
    await council.verify();
    expect(await council.errorSummary()).toEqual(['Select the kind of council']);
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Norfolk County Council');
    expect(await page.getByLabel('East of England').isChecked()).toBe(true);
    await council.fillIn({ kind: 'County council' });
    await (await on(CheckCouncilPage, page)).register();
    expect(await (await on(CouncilsPage, page)).banner()).toBe('Norfolk County Council is registered');

    await navigateTo(page, 'Email suppressions');
    const lift = await (await on(EmailSuppressionsPage, page)).lift('no.script@example.org');
    await lift.confirm();
    expect(await (await on(EmailSuppressionsPage, page)).banner()).toBe('Email will go to no.script@example.org again');
  });

  it('keeps people who are not signed in out, sending them to sign in', async () => {
    const page = await web.newPage();
    await page.goto('/admin/queues/');
    await on(SignInPage, page);
    expect(new URL(page.url()).searchParams.get('returnTo')).toBe('/admin/queues/');
  });

  it('pages long lists: universities as the API pages them, suppressions 25 at a time', async () => {
    for (let n = 10; n < 36; n++) await web.admin.post('/api/universities').send({ name: `Paged University ${n}` }).expect(201);
    for (let n = 10; n < 40; n++) await suppress(`paged.${n}@example.org`);
    const page = await signedInAdmin();
    await navigateTo(page, 'Universities');
    const universities = await on(UniversitiesPage, page);
    const first = await universities.names();
    expect(first).toHaveLength(25);
    expect(first).toEqual([...first].sort());
    await page.getByRole('link', { name: 'Next page' }).click();
    await universities.verify();
    const second = await universities.names();
    expect(second.length).toBeGreaterThan(0);
    expect(second.filter((name) => first.includes(name))).toEqual([]);
    expect(second[0]! > first[24]!).toBe(true);
    await page.getByRole('link', { name: 'First page' }).click();
    await universities.verify();
    expect(await universities.names()).toEqual(first);

    await navigateTo(page, 'Email suppressions');
    const suppressions = await on(EmailSuppressionsPage, page);
    const total = (await web.admin.get('/api/admin/email-suppressions').expect(200)).body.length as number;
    expect(await suppressions.rows()).toHaveLength(25);
    await page.getByRole('link', { name: 'Page 2' }).click();
    await suppressions.verify();
    expect(await suppressions.rows()).toHaveLength(total - 25);
    expect(page.url()).toMatch(/\?page=2$/);
  });

  // Last: the web calls another API process from here on.
  it('opens the queue dashboard through the web, within its own policy', async () => {
    // Bull Board's static files do not load under jest: the web calls an API process of its own here.
    const api = await web.stack.spawnApi({ QUEUE_DASHBOARD: 'true' });
    await web.restartWeb({ API_URL: api.url });
    const page = await signedInAdmin();
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text()) && !message.text().includes('fonts.googleapis.com')) refused.push(message.text());
    });
    await navigateTo(page, 'Queue dashboard');
    await page.waitForURL(/\/admin\/queues\/$/);
    await page.getByText('notification-events').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('body').innerText()).toContain('matching-events');
    expect(refused).toEqual([]);
    // Its own calls (the queues' counts) go through the web with the admin's token.
    const queues = await page.evaluate(async () => (await fetch('/admin/queues/api/queues')).status);
    expect(queues).toBe(200);
    // Its buttons change the queues; the same change from another site is refused.
    const paused = await page.evaluate(async () => (await fetch('/admin/queues/api/queues/matching-events/pause', { method: 'PUT' })).status);
    expect(paused).toBe(200);
    expect(await web.stack.queue('matching').isPaused()).toBe(true);
    const cookie = (await page.context().cookies()).map(({ name, value }) => `${name}=${value}`).join('; ');
    expect(await statusOf('/admin/queues/api/queues/matching-events/resume', cookie, { method: 'PUT', headers: { 'sec-fetch-site': 'cross-site' } })).toBe(403);
    expect(await statusOf('/admin/queues/api/queues/matching-events/resume', cookie, { method: 'PUT', headers: { origin: 'https://elsewhere.example' } })).toBe(403);
    expect(await web.stack.queue('matching').isPaused()).toBe(true);
    const resumed = await page.evaluate(async () => (await fetch('/admin/queues/api/queues/matching-events/resume', { method: 'PUT' })).status);
    expect(resumed).toBe(200);
    expect(await web.stack.queue('matching').isPaused()).toBe(false);
    // And only those: a path climbing out of the dashboard reaches nothing else of the API.
    for (const path of ['/admin/queues/../../universities', '/admin/queues/%2e%2e/%2e%2e/universities', '/admin/queues/%2E%2E/%2E%2E/universities']) {
      expect({ path, status: await statusOf(path, cookie) }).toEqual({ path, status: 404 });
    }
  });
});
