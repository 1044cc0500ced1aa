import { jest } from '@jest/globals';
import { eventually, SmtpInbox } from '#libs/testing';
import { on } from './pages/page-object.js';
import { ChooseNewPasswordPage, PasswordChangedPage, ResetLinkExpiredPage, ResetLinkSentPage, ResetPasswordPage } from './pages/password-reset-pages.js';
import { LeadHomePage } from './pages/decision-pages.js';
import { PractitionerHomePage, SignInPage } from './pages/service-pages.js';
import { personWith } from '../support/people.js';
import { PASSWORD, type World, WebStack } from './web-stack.js';

jest.setTimeout(180_000);

const NEW_PASSWORD = 'my new and long enough password';

describe('a forgotten password, reset from the link in an email, in Chromium', () => {
  let inbox: SmtpInbox;
  let web: WebStack;
  let world: World;

  /** The path of the reset link in the newest "Reset your password" email to `email`. */
  const resetLinkFor = async (email: string, after = 0) => {
    const mail = await eventually(() => inbox.to(email).filter((m) => m.parsed.subject === 'Reset your password')[after] ?? false);
    const found = new RegExp(`${web.webUrl}(/password-reset/[A-Za-z0-9_-]+)`).exec(mail.parsed.text ?? '');
    if (!found) throw new Error(`no reset link in ${mail.parsed.text}`);
    return found[1]!;
  };

  beforeAll(async () => {
    inbox = await SmtpInbox.start();
    web = await WebStack.start({ SMTP_URL: inbox.url, EVENT_JOB_BACKOFF_MS: 100, PASSWORD_RESETS_PER_HOUR: 2 });
    await web.stack.startWorker('notification');
    world = await web.world();
  });
  afterAll(async () => {
    await web.close();
    await inbox.stop();
  });

  it('lets a practitioner choose a new password from the emailed link; the old one stops working, and the link works once', async () => {
    const page = await web.newPage();
    await SignInPage.open(page);
    await page.getByRole('link', { name: 'Forgotten your password?' }).click();
    const ask = await on(ResetPasswordPage, page);

    await page.getByRole('button', { name: 'Send me a link' }).click();
    await ask.verify();
    expect(await ask.errorSummary()).toEqual(['Enter your email address']);
    expect(await page.title()).toMatch(/^Error: Reset your password/);
    await ask.ask('not an address');
    await ask.verify();
    expect(await ask.errorSummary()).toEqual(['Enter an email address in the correct format, like name@example.com']);
    expect(await page.locator('#email-error').innerText()).toContain('Enter an email address in the correct format');
    expect(await page.getByLabel('Email address').inputValue()).toBe('not an address');

    await ask.ask(world.practitioner.email);
    const sent = await on(ResetLinkSentPage, page);
    const saidForAccount = await sent.textWithout(world.practitioner.email);

    const link = await resetLinkFor(world.practitioner.email);
    await page.goto(link);
    const choose = await on(ChooseNewPasswordPage, page);
    await choose.choose('short', 'different');
    await choose.verify();
    expect(await choose.errorSummary()).toEqual(['Your password must be at least 12 characters', 'The passwords do not match']);
    await choose.choose(NEW_PASSWORD, `${NEW_PASSWORD}!`);
    await choose.verify();
    expect(await choose.errorSummary()).toEqual(['The passwords do not match']);
    await choose.choose(NEW_PASSWORD);
    await on(PasswordChangedPage, page);

    await page.getByRole('button', { name: 'Sign in' }).click();
    const signIn = await on(SignInPage, page);
    await signIn.signIn(world.practitioner.email, PASSWORD);
    await signIn.verify();
    expect(await signIn.errorSummary()).toEqual(['Enter a correct email address and password']);
    await signIn.signIn(world.practitioner.email, NEW_PASSWORD);
    await on(PractitionerHomePage, page);

    // Used once: the same link now says at once that it has expired, and offers to ask again.
    const later = await web.newPage();
    const response = await later.goto(link);
    expect(response?.status()).toBe(400);
    await on(ResetLinkExpiredPage, later);
    await later.getByRole('link', { name: 'Ask for a new link' }).click();
    const askAgain = await on(ResetPasswordPage, later);

    // An address with no account gets the same page, and no email.
    await askAgain.ask('no.account@example.org');
    const sentNowhere = await on(ResetLinkSentPage, later);
    expect(await sentNowhere.textWithout('no.account@example.org')).toBe(saidForAccount);
    await web.stack.caughtUp('notification');
    expect(inbox.to('no.account@example.org')).toEqual([]);
  });

  it('says a link has expired when it expires while its page is open', async () => {
    const person = await personWith(web.api, web.admin, 'practitioner', { councilId: world.councilId });
    const page = await web.newPage();
    await page.goto('/password-reset');
    await (await on(ResetPasswordPage, page)).ask(person.email);
    await on(ResetLinkSentPage, page);
    await page.goto(await resetLinkFor(person.email));
    const choose = await on(ChooseNewPasswordPage, page);
    await web.stack.query(`UPDATE password_resets SET expires_at = now() WHERE user_id = $1`, [person.id]);
    await choose.choose(NEW_PASSWORD);
    await on(ResetLinkExpiredPage, page);
    await (await SignInPage.open(page)).signIn(person.email, PASSWORD);
    await on(PractitionerHomePage, page);
  });

  it('says when an address has been asked for too often', async () => {
    const page = await web.newPage();
    await page.goto('/password-reset');
    const ask = await on(ResetPasswordPage, page);
    for (let i = 0; i < 2; i++) {
      await page.goto('/password-reset');
      await ask.ask('asked.too.often@example.org');
      await on(ResetLinkSentPage, page);
    }
    await page.goto('/password-reset');
    await ask.ask('asked.too.often@example.org');
    await ask.verify();
    expect(await ask.errorSummary()).toEqual(['You have asked for too many links. Wait an hour and try again']);
    expect(await page.getByLabel('Email address').inputValue()).toBe('asked.too.often@example.org');
  });

  it('works with JavaScript off, and only the newest link works', async () => {
    const page = await web.newPage({ javaScript: false });
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Forgotten your password?' }).click();
    const ask = await on(ResetPasswordPage, page);
    await ask.ask(world.lead.email);
    await on(ResetLinkSentPage, page);
    const first = await resetLinkFor(world.lead.email, 0);
    await page.goto('/password-reset');
    await ask.ask(world.lead.email);
    await on(ResetLinkSentPage, page);
    const second = await resetLinkFor(world.lead.email, 1);

    await page.goto(first);
    await on(ResetLinkExpiredPage, page);

    await page.goto(second);
    await (await on(ChooseNewPasswordPage, page)).choose(NEW_PASSWORD);
    await on(PasswordChangedPage, page);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await (await on(SignInPage, page)).signIn(world.lead.email, NEW_PASSWORD);
    await on(LeadHomePage, page);
  });
});
