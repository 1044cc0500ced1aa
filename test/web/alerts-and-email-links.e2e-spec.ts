/// <reference lib="dom" />
import { jest } from '@jest/globals';
import { eventually, type ReceivedMail, SmtpInbox } from '#libs/testing';
import { on } from './pages/page-object.js';
import {
  AlertConfirmedPage,
  AlertsPage,
  CancelAlertPage,
  CheckYourEmailPage,
  ChoosePasswordPage,
  ConfirmAlertPage,
  EmailChoicesPage,
  LinkExpiredPage,
  NewAlertPage,
  SubscribePage,
  UnsubscribedPage,
  UnsubscribePage,
} from './pages/alert-pages.js';
import { LeadHomePage } from './pages/decision-pages.js';
import { PractitionerHomePage, SignInPage, StartPage } from './pages/service-pages.js';
import { type World, WebStack } from './web-stack.js';

jest.setTimeout(180_000);

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('email alerts, and the pages the links in emails open, in Chromium', () => {
  let inbox: SmtpInbox;
  let web: WebStack;
  let world: World;

  /** The first link in the mail's text that starts with this web's address and this path. */
  const linkIn = (mail: ReceivedMail, path: string) => {
    const found = new RegExp(`${escaped(`${web.webUrl}${path}`)}\\S+`).exec(mail.parsed.text ?? '');
    if (!found) throw new Error(`no ${path} link in ${mail.parsed.text}`);
    return found[0];
  };
  const mailWith = (address: string, subject: string) => eventually(() => inbox.to(address).find((mail) => mail.parsed.subject === subject) ?? false);

  beforeAll(async () => {
    inbox = await SmtpInbox.start();
    web = await WebStack.start({ SMTP_URL: inbox.url, EVENT_JOB_BACKOFF_MS: 100 });
    await web.stack.startWorker('notification');
    world = await web.world();
  });
  afterAll(async () => {
    await web.close();
    await inbox.stop();
  });

  it('sets up an alert, lists it, and cancels it after asking', async () => {
    const page = await web.newPage();
    await (await SignInPage.open(page)).signInAs(world.practitioner);
    await on(PractitionerHomePage, page);
    await page.getByRole('link', { name: 'Email alerts' }).click();
    const alerts = await on(AlertsPage, page);
    expect(await page.locator('#no-alerts').innerText()).toBe('You have no email alerts.');

    await page.getByRole('button', { name: 'Set up an alert' }).click();
    const form = await on(NewAlertPage, page);
    await page.getByRole('button', { name: 'Set up alert' }).click();
    await form.verify();
    expect(await form.errorSummary()).toEqual(['Select how often you want email']);
    await page.getByLabel('Once a day (at 7am)').check();
    await page.getByLabel('Teaching').check();
    await page.getByRole('button', { name: 'Set up alert' }).click();
    await alerts.verify();
    expect(await alerts.banner()).toBe('Your email alert is set up');
    expect(await alerts.alertTitles()).toEqual(['Once a day (at 7am)']);
    expect((await world.practitioner.http.get('/api/me/subscriptions').expect(200)).body).toEqual([
      expect.objectContaining({ frequency: 'daily', types: ['teaching'], status: 'confirmed' }),
    ]);

    await page.getByRole('link', { name: /Cancel/ }).click();
    await on(CancelAlertPage, page);
    await page.getByRole('button', { name: 'Yes, cancel this alert' }).click();
    await alerts.verify();
    expect(await alerts.alertTitles()).toEqual([]);
  });

  it('offers an alert for the search a person made', async () => {
    const page = await web.newPage();
    await (await SignInPage.open(page)).signInAs(world.practitioner);
    await on(PractitionerHomePage, page);
    await page.goto('/opportunities?type=research');
    await page.getByRole('link', { name: 'Get email about new opportunities like these' }).click();
    await on(NewAlertPage, page);
    expect(await page.getByLabel('Research').isChecked()).toBe(true);
    expect(await page.getByLabel('Teaching').isChecked()).toBe(false);
  });

  it('saves which other emails a person wants', async () => {
    const page = await web.newPage();
    await (await SignInPage.open(page)).signInAs(world.practitioner);
    await on(PractitionerHomePage, page);
    await page.goto('/alerts/preferences');
    await on(EmailChoicesPage, page);
    await page.getByLabel('Opportunities recommended for me (a few a week at most)').check();
    await page.getByLabel('Changes to opportunities I applied for, and when they fill').uncheck();
    await page.getByRole('button', { name: 'Save choices' }).click();
    await on(AlertsPage, page);
    expect((await world.practitioner.http.get('/api/me/preferences').expect(200)).body).toEqual({ applications: true, matches: true, opportunity_changes: false, recommendations: true });
  });

  it('lets anyone ask for alerts, confirmed from the link in the email; then unsubscribes them in one click', async () => {
    const email = 'a.subscriber@example.org';
    const page = await web.newPage();
    await page.goto('/');
    await on(StartPage, page);
    await page.getByRole('link', { name: 'Set up an email alert' }).click();
    const subscribe = await on(SubscribePage, page);
    await page.getByLabel('Email address').fill('not an address');
    await page.getByRole('button', { name: 'Continue' }).click();
    await subscribe.verify();
    expect(await subscribe.errorSummary()).toEqual(['Enter an email address in the correct format, like name@example.com', 'Select how often you want email']);
    expect(await page.getByLabel('Email address').inputValue()).toBe('not an address');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Once a week (Mondays at 7am)').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await on(CheckYourEmailPage, page);

    const mail = await mailWith(email, 'Confirm your subscription to new opportunities');
    await page.goto(linkIn(mail, '/subscription/confirm/'));
    await on(ConfirmAlertPage, page);
    expect(await web.stack.query('SELECT status FROM subscriptions WHERE email = $1', [email])).toEqual([{ status: 'pending' }]);
    await page.getByRole('button', { name: 'Confirm email alert' }).click();
    await on(AlertConfirmedPage, page);
    expect(await web.stack.query('SELECT status FROM subscriptions WHERE email = $1', [email])).toEqual([{ status: 'confirmed' }]);

    // A tampered link says it does not work, and changes nothing.
    await page.goto(`${linkIn(mail, '/subscription/confirm/')}x`);
    await page.getByRole('button', { name: 'Confirm email alert' }).click();
    await on(LinkExpiredPage, page);
  });

  it('unsubscribes from the page, and by RFC 8058 one-click POST with no form token', async () => {
    await world.lead.http.post('/api/me/subscriptions').send({ frequency: 'instant' }).expect(201);
    const opportunity = (await world.academic.http.post('/api/opportunities').send({
      partnershipId: world.partnershipId, type: 'teaching', title: 'Alerted lecture', description: 'A lecture.',
      sessions: [{ startsAt: '2099-03-02T10:00:00Z', endsAt: '2099-03-02T12:00:00Z', place: 'UEA' }],
      capacity: 1, requiredSpecialisms: [], minimumCareerStage: 'student', closesAt: '2099-02-20T10:00:00Z', contact: 'Host',
    }).expect(201)).body.id;
    await world.academic.http.post(`/api/opportunities/${opportunity}/publish`).expect(200);
    const mail = await mailWith(world.lead.email, 'New opportunity for you: Alerted lecture');
    // The opportunity's link opens its page (a lead signs in first).
    expect(mail.parsed.text).toContain(`${web.webUrl}/opportunities/${opportunity}`);
    const raw = mail.raw.replace(/\r?\n\s+/g, ' ');
    const header = /^List-Unsubscribe: <([^>]+)>/m.exec(raw)![1]!;
    expect(header.startsWith(`${web.webUrl}/unsubscribe/`)).toBe(true);

    const page = await web.newPage({ javaScript: false });
    await page.goto(header);
    await on(UnsubscribePage, page);
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await on(UnsubscribedPage, page);
    expect((await world.lead.http.get('/api/me/subscriptions').expect(200)).body).toEqual([]);

    // As a mail client sends it: a form post with no cookie and no token. Repeating it is harmless.
    const oneClick = await fetch(header, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(oneClick.status).toBe(200);
  });

  it('turns an invitation email into an account: the link opens the page to choose a password, then the person is signed in', async () => {
    const email = 'new.lead@example.org';
    await web.admin.post('/api/invitations').send({ email, displayName: 'Nia New', role: 'partnership_lead' }).expect(201);
    const mail = await mailWith(email, 'You are invited to the Teaching Partnership Marketplace');
    const page = await web.newPage();
    await page.goto(linkIn(mail, '/invitation?token='));
    const choose = await on(ChoosePasswordPage, page);
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await choose.verify();
    expect(await choose.errorSummary()).toEqual(['Your password must be at least 12 characters', 'The passwords do not match']);
    await page.getByLabel('Password', { exact: true }).fill('a long enough password');
    await page.getByLabel('Confirm your password').fill('a long enough password');
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    const home = await on(LeadHomePage, page);
    expect(await home.banner()).toBe('Your account is ready');
    // The link works once.
    await page.goto(linkIn(mail, '/invitation?token='));
    await page.getByLabel('Password', { exact: true }).fill('another long password');
    await page.getByLabel('Confirm your password').fill('another long password');
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    expect(await page.locator('h1').innerText()).toBe('This invitation link has expired');
  });
});
