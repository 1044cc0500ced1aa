/// <reference lib="dom" />
import { jest } from '@jest/globals';
import { personWith } from '../support/people.js';
import { AuditTrailPage, LeadHomePage, PartnershipMembersPage, PartnershipSettingsPage } from './pages/decision-pages.js';
import { on } from './pages/page-object.js';
import { ForbiddenPage, NotFoundPage, PractitionerHomePage, SignInPage } from './pages/service-pages.js';
import { type World, WebStack } from './web-stack.js';

jest.setTimeout(180_000);

describe('a lead runs their partnership, in Chromium', () => {
  let web: WebStack;
  let world: World;

  beforeAll(async () => {
    web = await WebStack.start();
    world = await web.world();
  });
  afterAll(() => web.close());

  it('shows the members and leads, changes a setting, and finds the change in the audit trail', async () => {
    const page = await web.newPage();
    await (await SignInPage.open(page)).signInAs(world.lead);
    await on(LeadHomePage, page);
    await page.getByRole('link', { name: 'Partnership', exact: true }).click();
    await on(PartnershipMembersPage, page);
    expect(await page.locator('main').innerText()).toContain('University of East Anglia');
    expect(await page.locator('main').innerText()).toContain('Norfolk County Council');
    expect(await page.locator('#leads').innerText()).toContain('A partnership_lead');

    await page.getByRole('link', { name: 'Settings' }).click();
    const settings = await on(PartnershipSettingsPage, page);
    await page.getByLabel('Academics of the hosting university may propose matches from applications').check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await settings.verify();
    expect(await settings.banner()).toBe('The partnership’s settings are saved');
    expect(await page.getByLabel('Academics of the hosting university may propose matches from applications').isChecked()).toBe(true);
    expect((await world.lead.http.get(`/api/partnerships/${world.partnershipId}/settings`).expect(200)).body).toEqual({ academicsMayProposeMatches: true, listsPublicly: false });

    await page.getByRole('link', { name: 'Audit trail' }).click();
    const audit = await on(AuditTrailPage, page);
    expect(await audit.changes()).toContain('Partnership settings changed');
    await page.getByLabel('Show').selectOption('match.approved');
    await page.getByRole('button', { name: 'Show changes' }).click();
    await audit.verify();
    expect(await page.locator('#no-changes').innerText()).toBe('No changes to show.');
  });

  it('answers another partnership’s lead with the 404 page, and a practitioner with the 403 page', async () => {
    const outsider = await personWith(web.api, web.admin, 'partnership_lead');
    const page = await web.newPage();
    await (await SignInPage.open(page)).signInAs(outsider);
    expect((await page.goto(`/partnership/${world.partnershipId}/settings`))?.status()).toBe(404);
    await on(NotFoundPage, page);

    const practitioner = await web.newPage();
    await (await SignInPage.open(practitioner)).signInAs(world.practitioner);
    await on(PractitionerHomePage, practitioner);
    expect((await practitioner.goto(`/partnership/${world.partnershipId}`))?.status()).toBe(403);
    await on(ForbiddenPage, practitioner);
  });
});
