/// <reference lib="dom" />
import { jest } from '@jest/globals';
import { councilRequest, eventually, type ReceivedMail, SmtpInbox } from '#libs/testing';
import { invitationLinkIn } from '../support/email-links.js';
import { personWith } from '../support/people.js';
import { ChoosePasswordPage } from './pages/alert-pages.js';
import { AuditTrailPage, LeadHomePage, PartnershipMembersPage } from './pages/decision-pages.js';
import { on } from './pages/page-object.js';
import {
  AddMemberPage,
  CheckInvitationPage,
  InvitationSentPage,
  InviteDetailsPage,
  InviteWorkplacePage,
  PeoplePage,
  RemoveMemberPage,
  ResendInvitationPage,
  SpecialismsPage,
  WithdrawInvitationPage,
} from './pages/people-pages.js';
import { ManageOpportunitiesPage } from './pages/manage-pages.js';
import { ForbiddenPage, NotFoundPage, PractitionerHomePage, SignInPage } from './pages/service-pages.js';
import { type World, WebStack } from './web-stack.js';

jest.setTimeout(240_000);

const INVITATION_SUBJECT = 'You are invited to the Teaching Partnership Marketplace';

describe('a lead’s people, invitations, members and specialisms, in Chromium', () => {
  let inbox: SmtpInbox;
  let web: WebStack;
  let world: World;
  let suffolk: string;

  const mailsTo = (address: string) => inbox.to(address).filter((mail) => mail.parsed.subject === INVITATION_SUBJECT);
  const invitationLink = (mail: ReceivedMail) => invitationLinkIn(mail, web.webUrl);

  beforeAll(async () => {
    inbox = await SmtpInbox.start();
    web = await WebStack.start({ SMTP_URL: inbox.url, EVENT_JOB_BACKOFF_MS: 100 });
    await web.stack.startWorker('notification');
    world = await web.world();
    suffolk = (await web.admin.post('/api/councils').send(councilRequest({ name: 'Suffolk County Council' })).expect(201)).body.id;
  });
  afterAll(async () => {
    await web.close();
    await inbox.stop();
  });

  it('invites an academic, re-sends the invitation, and the new link lets them choose a password and sign in', async () => {
    const page = await web.newPage();
    await (await SignInPage.open(page)).signInAs(world.lead);
    await on(LeadHomePage, page);
    await page.getByRole('link', { name: 'People', exact: true }).click();
    const people = await on(PeoplePage, page);
    expect(await people.statusOf('A practitioner')).toBe('Active');

    await page.getByRole('button', { name: 'Invite a person' }).click();
    const details = await on(InviteDetailsPage, page);
    await page.getByRole('button', { name: 'Continue' }).click();
    await details.verify();
    expect(await details.errorSummary()).toEqual(['Enter their full name', 'Enter their email address']);
    expect(await page.title()).toMatch(/^Error: /);
    await details.fill('Ada Academic', 'ada.academic');
    await details.verify();
    expect(await details.errorSummary()).toEqual(['Enter an email address in the correct format, like name@example.org']);
    expect(await page.getByLabel('Full name').inputValue()).toBe('Ada Academic');
    await details.fill('Ada Academic', 'ada.academic@uea.example');

    const workplace = await on(InviteWorkplacePage, page);
    await page.getByRole('button', { name: 'Continue' }).click();
    await workplace.verify();
    expect(await workplace.errorSummary()).toEqual(['Select where they work']);
    await page.getByLabel('University of East Anglia').check();
    await page.getByRole('button', { name: 'Continue' }).click();

    const check = await on(CheckInvitationPage, page);
    expect(await check.summary()).toContain('ada.academic@uea.example');
    expect(await check.summary()).toContain('Academic');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await on(InvitationSentPage, page);
    expect(await page.locator('main').innerText()).toContain('We have emailed ada.academic@uea.example a link to choose a password.');
    const [first] = await eventually(() => (mailsTo('ada.academic@uea.example').length === 1 ? mailsTo('ada.academic@uea.example') : false));

    await page.getByRole('link', { name: 'Back to people' }).click();
    await people.verify();
    expect(await people.statusOf('Ada Academic')).toBe('Invited');
    await page.getByRole('link', { name: 'Re-send the invitation to Ada Academic' }).click();
    await on(ResendInvitationPage, page);
    await page.getByRole('button', { name: 'Send a new link' }).click();
    await people.verify();
    expect(await people.banner()).toBe('We have emailed Ada Academic a new link');
    const [, second] = await eventually(() => (mailsTo('ada.academic@uea.example').length === 2 ? mailsTo('ada.academic@uea.example') : false));
    expect(invitationLink(second!)).not.toBe(invitationLink(first!));

    const invitee = await web.newPage();
    await invitee.goto(invitationLink(first!));
    await on(ChoosePasswordPage, invitee);
    await invitee.getByLabel('Password', { exact: true }).fill('a long enough password');
    await invitee.getByLabel('Confirm your password').fill('a long enough password');
    await invitee.getByRole('button', { name: 'Set password and sign in' }).click();
    expect(await invitee.locator('h1').innerText()).toBe('This invitation link has expired');

    await invitee.goto(invitationLink(second!));
    await on(ChoosePasswordPage, invitee);
    await invitee.getByLabel('Password', { exact: true }).fill('a long enough password');
    await invitee.getByLabel('Confirm your password').fill('a long enough password');
    await invitee.getByRole('button', { name: 'Set password and sign in' }).click();
    await on(ManageOpportunitiesPage, invitee);
    await invitee.getByRole('button', { name: 'Sign out' }).click();
    await (await SignInPage.open(invitee)).signIn('ada.academic@uea.example', 'a long enough password');
    await on(ManageOpportunitiesPage, invitee);
    expect(await invitee.locator('.govuk-service-navigation').innerText()).toContain('Ada Academic');

    await people.page.reload();
    await people.verify();
    expect(await people.statusOf('Ada Academic')).toBe('Active');
  });

  it('withdraws an invitation after asking, and filters the people', async () => {
    await world.lead.http.post('/api/invitations').send({ email: 'pat.typo@norfolk.example', displayName: 'Pat Typo', role: 'practitioner', councilId: world.councilId }).expect(201);
    const page = await web.newPage();
    await (await SignInPage.open(page)).signInAs(world.lead);
    await page.goto(`/partnership/${world.partnershipId}/people`);
    const people = await on(PeoplePage, page);

    await page.getByLabel('Status').selectOption('invited');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await people.verify();
    expect((await people.rows()).map((row) => row.split(' | ')[0])).toEqual(['Pat Typo']);

    await page.getByRole('link', { name: 'Withdraw the invitation to Pat Typo' }).click();
    await on(WithdrawInvitationPage, page);
    await page.getByRole('link', { name: 'No, keep it' }).click();
    await people.verify();
    await page.goto(`/partnership/${world.partnershipId}/people?status=invited`);
    await page.getByRole('link', { name: 'Withdraw the invitation to Pat Typo' }).click();
    await on(WithdrawInvitationPage, page);
    await page.getByRole('button', { name: 'Yes, withdraw it' }).click();
    await people.verify();
    expect(await people.banner()).toBe('Pat Typo’s invitation is withdrawn');

    await page.getByLabel('Name or email address').fill('pat.typo');
    await page.getByLabel('Status').selectOption('');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await people.verify();
    expect(await page.locator('#no-people').innerText()).toBe('No people match these filters.');
    expect((await world.lead.http.get('/api/people').query({ q: 'pat.typo' }).expect(200)).body.items).toEqual([]);
  });

  it('on a phone, scrolls the people table within its own region, by keyboard too, and not the page', async () => {
    const page = await web.newPage({ width: 390 });
    await (await SignInPage.open(page)).signInAs(world.lead);
    await page.goto(`/partnership/${world.partnershipId}/people`);
    const people = await on(PeoplePage, page);
    const before = await people.horizontalScroll();
    await page.screenshot({ path: '/tmp/people-390.png', fullPage: true });
    expect(before.page.scrollWidth).toBeLessThanOrEqual(before.page.width);
    expect(before.table.scrollWidth).toBeGreaterThan(before.table.width);
    expect(before.table.scrollLeft).toBe(0);

    // Reached with Tab from the last control before it, and scrolled with the arrow keys.
    await page.getByRole('button', { name: 'Apply filters' }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => [document.activeElement?.getAttribute('role'), document.activeElement?.getAttribute('aria-label')])).toEqual(['region', 'People']);
    await page.keyboard.press('ArrowRight');
    // Chromium scrolls smoothly: the region gets there a moment later.
    await eventually(async () => (await people.horizontalScroll()).table.scrollLeft > 0);
  });

  it('adds a member and removes it after saying what removing does', async () => {
    const page = await web.newPage();
    await (await SignInPage.open(page)).signInAs(world.lead);
    await page.goto(`/partnership/${world.partnershipId}`);
    const members = await on(PartnershipMembersPage, page);
    await page.getByRole('button', { name: 'Add a member' }).click();
    const add = await on(AddMemberPage, page);
    await page.getByRole('button', { name: 'Add member' }).click();
    await add.verify();
    expect(await add.errorSummary()).toEqual(['Select the university or council that is joining']);
    await page.getByLabel('Suffolk County Council').check();
    await page.getByRole('button', { name: 'Add member' }).click();
    await members.verify();
    expect(await members.banner()).toBe(`Suffolk County Council is now a member of Norfolk and Suffolk Teaching Partnership`);
    expect(await page.locator('#members').innerText()).toContain('Suffolk County Council');

    await page.getByRole('link', { name: 'Remove Suffolk County Council' }).click();
    const remove = await on(RemoveMemberPage, page);
    expect(await remove.page.locator('#what-removing-does').innerText()).toContain('no longer see the partnership’s opportunities');
    await page.getByRole('button', { name: 'Yes, remove it' }).click();
    await members.verify();
    expect(await members.banner()).toBe('Suffolk County Council is no longer a member');
    expect(await page.locator('#members').innerText()).not.toContain('Suffolk County Council');
    const memberIds = (await world.lead.http.get(`/api/partnerships/${world.partnershipId}`).expect(200)).body.members.map((member: { organisationId: string }) => member.organisationId);
    expect(memberIds).not.toContain(suffolk);
  });

  it('adds a specialism of the partnership’s own, and refuses the same one twice', async () => {
    const page = await web.newPage();
    await (await SignInPage.open(page)).signInAs(world.lead);
    await page.goto(`/partnership/${world.partnershipId}`);
    await page.getByRole('link', { name: 'Specialisms' }).click();
    const specialisms = await on(SpecialismsPage, page);
    expect(await page.locator('#no-own-specialisms').innerText()).toBe('None yet.');
    expect(await page.locator('#shared-specialisms').innerText()).not.toBe('');

    await page.getByRole('button', { name: 'Add specialism' }).click();
    await specialisms.verify();
    expect(await specialisms.errorSummary()).toEqual(['Enter the name of the specialism']);

    await page.getByLabel('Add a specialism').fill('Rural practice');
    await page.getByRole('button', { name: 'Add specialism' }).click();
    await specialisms.verify();
    expect(await specialisms.banner()).toBe('Rural practice is now one of the partnership’s specialisms');
    expect(await specialisms.own()).toEqual(['Rural practice']);

    await page.getByLabel('Add a specialism').fill('rural practice');
    await page.getByRole('button', { name: 'Add specialism' }).click();
    await specialisms.verify();
    expect(await specialisms.errorSummary()).toEqual(['Rural practice is a specialism already']);
    expect(await page.locator('#label-error').innerText()).toContain('Rural practice is a specialism already');
    expect(await page.getByLabel('Add a specialism').inputValue()).toBe('rural practice');
  });

  it('filters the audit trail by person and by record', async () => {
    const page = await web.newPage();
    await (await SignInPage.open(page)).signInAs(world.lead);
    await page.goto(`/partnership/${world.partnershipId}/audit`);
    const audit = await on(AuditTrailPage, page);
    await page.getByLabel('Changes made by').selectOption({ label: 'A partnership_lead' });
    await page.getByRole('button', { name: 'Show changes' }).click();
    await audit.verify();
    const byLead = await audit.changes();
    expect(byLead).toEqual(expect.arrayContaining(['Specialism added', 'Partnership member removed', 'Partnership member added', 'User invited']));
    const bylines = await page.locator('.moj-timeline__byline').allInnerTexts();
    expect(bylines.every((byline) => byline.includes('A partnership_lead'))).toBe(true);

    // The newest change is the specialism; its record has only that change.
    await page.getByRole('link', { name: /^Show only this record’s changes/ }).first().click();
    await audit.verify();
    expect(await page.locator('#record-filter').innerText()).toContain('Showing only the changes to one record.');
    expect(await audit.changes()).toEqual(['Specialism added']);
    await page.getByRole('link', { name: 'Show every record’s changes' }).click();
    await audit.verify();
    expect(await page.locator('#record-filter').count()).toBe(0);
    expect(await audit.changes()).toEqual(expect.arrayContaining(['Specialism added', 'Partnership member added', 'Partnership lead appointed']));
  });

  it('answers another partnership’s lead with the 404 page, and a practitioner or a lead on the admin’s pages with the 403 page', async () => {
    const outsider = await personWith(web.api, web.admin, 'partnership_lead');
    const page = await web.newPage();
    await (await SignInPage.open(page)).signInAs(outsider);
    const ada = (await world.lead.http.get('/api/people').query({ q: 'ada.academic' }).expect(200)).body.items[0].id;
    for (const path of ['people', 'people/invite/details', `people/${ada}/resend`, 'members/add', `members/${world.councilId}/remove`, 'specialisms']) {
      expect({ path, status: (await page.goto(`/partnership/${world.partnershipId}/${path}`))?.status() }).toEqual({ path, status: 404 });
      await on(NotFoundPage, page);
    }

    const practitioner = await web.newPage();
    await (await SignInPage.open(practitioner)).signInAs(world.practitioner);
    await on(PractitionerHomePage, practitioner);
    for (const path of [`/partnership/${world.partnershipId}/people`, `/partnership/${world.partnershipId}/specialisms`, '/admin/people']) {
      expect({ path, status: (await practitioner.goto(path))?.status() }).toEqual({ path, status: 403 });
      await on(ForbiddenPage, practitioner);
    }

    const lead = await web.newPage();
    await (await SignInPage.open(lead)).signInAs(world.lead);
    expect((await lead.goto('/admin/people'))?.status()).toBe(403);
    await on(ForbiddenPage, lead);
  });

  it('lets an admin see everyone and invite a partnership lead', async () => {
    const page = await web.newPage();
    await (await SignInPage.open(page)).signIn('admin@example.org', 'development-admin-password');
    await page.getByRole('link', { name: 'People', exact: true }).click();
    const people = await on(PeoplePage, page);
    expect(await people.statusOf('Ada Academic')).toBe('Active');
    await page.getByRole('button', { name: 'Invite a person' }).click();
    await (await on(InviteDetailsPage, page)).fill('Lee Lead', 'lee.lead@example.org');
    await on(InviteWorkplacePage, page);
    await page.getByLabel('No university or council: they will lead partnerships').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    const check = await on(CheckInvitationPage, page);
    expect(await check.summary()).toContain('Partnership lead');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await on(InvitationSentPage, page);
    await page.goto('/admin/people?role=partnership_lead&status=invited');
    await people.verify();
    expect((await people.rows()).map((row) => row.split(' | ')[0])).toEqual(['Lee Lead']);
  });

  it('pages through people 25 at a time', async () => {
    for (let n = 10; n < 36; n += 1) {
      await web.admin.post('/api/invitations').send({ email: `paged.${n}@example.org`, displayName: `Paged Person ${n}`, role: 'partnership_lead' }).expect(201);
    }
    const page = await web.newPage();
    await (await SignInPage.open(page)).signIn('admin@example.org', 'development-admin-password');
    await page.goto('/admin/people?q=paged.');
    const people = await on(PeoplePage, page);
    const first = (await people.rows()).map((row) => row.split(' | ')[0]);
    expect(first).toHaveLength(25);
    expect(first[0]).toBe('Paged Person 10');
    await page.getByRole('link', { name: /More people/ }).click();
    await people.verify();
    expect((await people.rows()).map((row) => row.split(' | ')[0])).toEqual(['Paged Person 35']);
    expect(await page.getByRole('link', { name: /More people/ }).count()).toBe(0);
    await page.getByRole('link', { name: /First page/ }).click();
    await people.verify();
    expect((await people.rows()).map((row) => row.split(' | ')[0])).toEqual(first);
  });

  it('invites with JavaScript off, and says so when the email is taken', async () => {
    const page = await web.newPage({ javaScript: false });
    await (await SignInPage.open(page)).signInAs(world.lead);
    await page.goto(`/partnership/${world.partnershipId}/people/invite`);
    const details = await on(InviteDetailsPage, page);
    await details.fill('Sam Again', world.practitioner.email);
    await on(InviteWorkplacePage, page);
    await page.getByLabel('Norfolk County Council').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await on(CheckInvitationPage, page);
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await details.verify();
    expect(await details.errorSummary()).toEqual(['Someone with this email address is already invited or has an account']);
    await details.fill('Nora Norfolk', 'nora.norfolk@norfolk.example');
    const check = await on(CheckInvitationPage, page);
    expect(await check.summary()).toContain('Norfolk County Council');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await on(InvitationSentPage, page);
    await eventually(() => mailsTo('nora.norfolk@norfolk.example').length === 1);
  });
});
