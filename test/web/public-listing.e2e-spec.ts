/// <reference lib="dom" />
import { jest } from '@jest/globals';
import { inDays, opportunityRequest } from '#libs/testing';
import { SubscribePage, CheckYourEmailPage } from './pages/alert-pages.js';
import { PartnershipSettingsPage } from './pages/decision-pages.js';
import { PublicPartnershipPage, PublicPartnershipsPage } from './pages/listing-pages.js';
import { on } from './pages/page-object.js';
import { NotFoundPage, SignInPage } from './pages/service-pages.js';
import { type World, WebStack } from './web-stack.js';

jest.setTimeout(180_000);

describe('a partnership’s public listing, in Chromium', () => {
  let web: WebStack;
  let world: World;
  let other: World;

  beforeAll(async () => {
    web = await WebStack.start();
    world = await web.world();
    other = await web.world({ university: 'University of Suffolk', council: 'Suffolk County Council', partnership: 'Suffolk Partnership' });
    for (const [partnership, academic, title] of [
      [world.partnershipId, world.academic, 'Lecture on risk'],
      [other.partnershipId, other.academic, 'Not for the public'],
    ] as const) {
      const sessions = [{ startsAt: inDays(30), endsAt: inDays(30, 12), place: 'Elizabeth Fry Building', onlineLink: 'https://meet.example.org/private-room' }];
      const id = (await academic.http.post('/api/opportunities').send(opportunityRequest(partnership, { title, sessions, contact: 'Dr Jo Reed, j.reed@uea.ac.uk' })).expect(201)).body.id;
      await academic.http.post(`/api/opportunities/${id}/publish`).expect(200);
    }
  });
  afterAll(() => web.close());

  it('is empty until a lead turns it on in the settings, then shows open opportunities to anyone', async () => {
    const visitor = await web.newPage();
    const empty = await PublicPartnershipsPage.open(visitor);
    expect(await visitor.locator('#no-partnerships').isVisible()).toBe(true);
    expect(await empty.partnerships()).toEqual([]);
    await visitor.goto(`/partnerships/${world.partnershipId}`);
    await on(NotFoundPage, visitor);

    const lead = await web.newPage();
    await (await SignInPage.open(lead)).signInAs(world.lead);
    await lead.goto(`/partnership/${world.partnershipId}/settings`);
    const settings = await on(PartnershipSettingsPage, lead);
    await lead.getByLabel('Show the partnership’s open opportunities to everyone').check();
    await lead.getByRole('button', { name: 'Save settings' }).click();
    await settings.verify();
    expect(await lead.getByLabel('Show the partnership’s open opportunities to everyone').isChecked()).toBe(true);
    // The other setting was left as it was.
    expect((await world.lead.http.get(`/api/partnerships/${world.partnershipId}/settings`).expect(200)).body).toEqual({ academicsMayProposeMatches: false, listsPublicly: true });

    const listing = await PublicPartnershipsPage.open(visitor);
    expect(await listing.partnerships()).toEqual(['Norfolk and Suffolk Teaching Partnership']);
    await visitor.getByRole('link', { name: 'Norfolk and Suffolk Teaching Partnership' }).click();
    const partnership = await new PublicPartnershipPage(visitor, 'Norfolk and Suffolk Teaching Partnership').verify();
    expect(await partnership.opportunities()).toEqual(['Lecture on risk']);
    const text = await visitor.locator('main').innerText();
    expect(text).toContain('University of East Anglia');
    expect(text).toContain('Elizabeth Fry Building or online');
    for (const secret of ['private-room', 'j.reed@uea.ac.uk', 'Not for the public']) expect(text).not.toContain(secret);

    await visitor.goto(`/partnerships/${other.partnershipId}`);
    await on(NotFoundPage, visitor);
  });

  it('sets up an email alert for that partnership, without JavaScript', async () => {
    await world.lead.http.patch(`/api/partnerships/${world.partnershipId}/settings`).send({ listsPublicly: true }).expect(200);
    const visitor = await web.newPage({ javaScript: false });
    await visitor.goto(`/partnerships/${world.partnershipId}`);
    await new PublicPartnershipPage(visitor, 'Norfolk and Suffolk Teaching Partnership').verify();
    await visitor.getByRole('link', { name: 'Get email about this partnership’s new opportunities' }).click();
    await on(SubscribePage, visitor);
    expect(await visitor.locator('#alert-partnership').innerText()).toContain('Norfolk and Suffolk Teaching Partnership');

    // A mistake keeps the partnership the alert is for.
    await visitor.getByRole('button', { name: 'Continue' }).click();
    const invalid = await on(SubscribePage, visitor);
    expect((await invalid.errorSummary()).length).toBeGreaterThan(0);
    expect(await visitor.locator('#alert-partnership').innerText()).toContain('Norfolk and Suffolk Teaching Partnership');

    await visitor.getByLabel('Email address').fill('visitor@example.org');
    await visitor.getByLabel('Once a week (Mondays at 7am)').check();
    await visitor.getByRole('button', { name: 'Continue' }).click();
    await on(CheckYourEmailPage, visitor);
    const rows = await web.stack.query<{ partnership_id: string | null }>(`SELECT partnership_id FROM subscriptions WHERE email = 'visitor@example.org'`);
    expect(rows).toEqual([{ partnership_id: world.partnershipId }]);
  });

  it('ignores a partnership that does not list publicly when setting up an alert', async () => {
    const visitor = await web.newPage();
    await visitor.goto(`/subscribe?partnership=${other.partnershipId}`);
    await on(SubscribePage, visitor);
    expect(await visitor.locator('#alert-partnership').count()).toBe(0);
  });
});
