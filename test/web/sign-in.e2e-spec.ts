/// <reference lib="dom" />
import { jest } from '@jest/globals';
import { freePort } from '#libs/testing';
import { PASSWORD } from './web-stack.js';
import { on } from './pages/page-object.js';
import { ManageOpportunitiesPage } from './pages/manage-pages.js';
import { FindOpportunitiesPage, ForbiddenPage, InformationPage, NotFoundPage, PractitionerHomePage, SignInPage, StartPage, UnavailablePage } from './pages/service-pages.js';
import { accessibilityViolations, type World, WebStack } from './web-stack.js';

jest.setTimeout(120_000);

describe('signing in and out, in Chromium', () => {
  let web: WebStack;
  let world: World;

  beforeAll(async () => {
    // The practitioner signs in more often than the limit of ten a minute allows, when the tests run quickly.
    // Refreshing whenever less than an hour is left: every page the tests see refreshes the tokens.
    web = await WebStack.start({ LOGIN_ATTEMPTS_PER_MINUTE: 1000 }, { TOKEN_REFRESH_MARGIN_SECONDS: 3600 });
    world = await web.world();
  });
  afterAll(() => web.close());

  it('starts on a page that says what the service is, and signs a practitioner in to their home', async () => {
    const page = await web.newPage();
    await page.goto('/');
    await on(StartPage, page);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const signIn = await on(SignInPage, page);
    await signIn.signInAs(world.practitioner);
    await on(PractitionerHomePage, page);
    expect(await page.locator('.govuk-service-navigation').innerText()).toContain('Find opportunities');
  });

  it('shows what is wrong, keeps the email and says "Error:" in the title', async () => {
    const page = await web.newPage();
    const signIn = await SignInPage.open(page);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await signIn.verify();
    expect(await signIn.errorSummary()).toEqual(['Enter your email address', 'Enter your password']);
    expect(await page.title()).toMatch(/^Error: Sign in/);

    await signIn.signIn(world.practitioner.email, 'not the password');
    await signIn.verify();
    expect(await signIn.errorSummary()).toEqual(['Enter a correct email address and password']);
    expect(await page.getByLabel('Email address').inputValue()).toBe(world.practitioner.email);
    expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('');
    // The summary's link takes the keyboard to the field.
    await page.getByRole('link', { name: 'Enter a correct email address and password' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('email');
  });

  it('sends someone signed out to sign in, and back to the page they asked for', async () => {
    const page = await web.newPage();
    await page.goto('/opportunities?type=teaching');
    const signIn = await on(SignInPage, page);
    await signIn.signInAs(world.practitioner);
    await on(FindOpportunitiesPage, page);
    expect(new URL(page.url()).search).toBe('?type=teaching');
  });

  it('never returns to another site after signing in', async () => {
    const page = await web.newPage();
    await page.goto('/sign-in?returnTo=//evil.example/steal');
    const signIn = await on(SignInPage, page);
    await signIn.signInAs(world.practitioner);
    await on(PractitionerHomePage, page);
    expect(new URL(page.url()).origin).toBe(web.webUrl);
  });

  it('signs out: the pages ask to sign in again', async () => {
    const page = await web.newPage();
    const signIn = await SignInPage.open(page);
    await signIn.signInAs(world.practitioner);
    await on(PractitionerHomePage, page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    const signedOut = await on(SignInPage, page);
    expect(await signedOut.banner()).toBe('You have signed out');
    await page.goto('/home');
    await on(SignInPage, page);
  });

  it('keeps a person signed in by refreshing, one token at a time, and signing out ends every token of that sign-in', async () => {
    const page = await web.newPage();
    const signIn = await SignInPage.open(page);
    await signIn.signInAs(world.practitioner);
    await on(PractitionerHomePage, page);
    await page.reload();
    await on(PractitionerHomePage, page);
    // The sign-in of this browser is the token family that has been refreshed.
    const tokens = () =>
      web.stack.query<{ used: boolean; revoked: boolean }>(
        `SELECT used_at IS NOT NULL AS used, revoked_at IS NOT NULL AS revoked FROM refresh_tokens
         WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE user_id = $1 AND used_at IS NOT NULL ORDER BY created_at DESC LIMIT 1)`,
        [world.practitioner.id],
      );
    const before = await tokens();
    // Rotated on each page (the home page makes its calls in parallel, on one refresh), never reused.
    expect(before.filter((token) => token.used).length).toBeGreaterThanOrEqual(2);
    expect(before.filter((token) => !token.used && !token.revoked)).toHaveLength(1);
    expect(before.filter((token) => token.revoked)).toEqual([]);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await on(SignInPage, page);
    expect((await tokens()).filter((token) => !token.revoked)).toEqual([]);
  });

  it('keeps a person signed in when two tabs refresh the same sign-in at once', async () => {
    const page = await web.newPage();
    await (await SignInPage.open(page)).signInAs(world.practitioner);
    await on(PractitionerHomePage, page);
    const tab = await page.context().newPage();
    // Both send the same cookie, so both would spend the same refresh token.
    await Promise.all([page.goto('/home'), tab.goto('/home')]);
    await on(PractitionerHomePage, page);
    await on(PractitionerHomePage, tab);
    await tab.reload();
    await on(PractitionerHomePage, tab);
    await page.reload();
    await on(PractitionerHomePage, page);
    const revoked = await web.stack.query(
      `SELECT 1 FROM refresh_tokens WHERE revoked_at IS NOT NULL
         AND family_id = (SELECT family_id FROM refresh_tokens WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1)`,
      [world.practitioner.id],
    );
    expect(revoked).toEqual([]);
  });

  it('asks a person to sign in again when the API no longer accepts their session, and returns them to the page', async () => {
    const page = await web.newPage();
    const signIn = await SignInPage.open(page);
    await signIn.signInAs(world.practitioner);
    await on(PractitionerHomePage, page);
    // Their access ends (as when an account is suspended): the API answers 401 from now on.
    const { hash } = await web.stack.queryOne<{ hash: string }>('SELECT password_hash AS hash FROM users WHERE id = $1', [world.practitioner.id]);
    await web.stack.query('UPDATE users SET password_hash = NULL WHERE id = $1', [world.practitioner.id]);
    await page.goto('/opportunities');
    await on(SignInPage, page);
    expect(new URL(page.url()).searchParams.get('returnTo')).toBe('/opportunities');
    await web.stack.query('UPDATE users SET password_hash = $2 WHERE id = $1', [world.practitioner.id, hash]);
    await new SignInPage(page).signInAs(world.practitioner);
    await on(FindOpportunitiesPage, page);
  });

  it('gives other roles their own home, and a 403 page for the practitioner pages', async () => {
    const page = await web.newPage();
    const signIn = await SignInPage.open(page);
    await signIn.signIn(world.academic.email, PASSWORD);
    // An academic's home is their university's opportunities.
    await on(ManageOpportunitiesPage, page);
    const response = await page.goto('/opportunities');
    expect(response?.status()).toBe(403);
    await on(ForbiddenPage, page);
  });

  it('has an axe check that finds a violation when there is one', async () => {
    const page = await web.newPage();
    await page.goto('/cookies');
    await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<img src="/assets/images/favicon.svg">'));
    expect(await accessibilityViolations(page)).toEqual([expect.stringMatching(/^image-alt: /)]);
  });

  it('answers an unknown address with the 404 page', async () => {
    const page = await web.newPage();
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await on(NotFoundPage, page);
  });

  it('has an accessibility statement, a privacy notice and a cookies page that names its only cookie', async () => {
    const page = await web.newPage();
    for (const path of ['/accessibility', '/privacy', '/cookies']) {
      await page.goto(path);
      await on(InformationPage, page);
    }
    expect(await page.locator('table').innerText()).toContain('tpm_session');
  });

  it('says the service is unavailable when the API cannot be reached, and asks to try again', async () => {
    const page = await web.newPage();
    const signIn = await SignInPage.open(page);
    await signIn.signInAs(world.practitioner);
    await on(PractitionerHomePage, page);
    await web.restartWeb({ API_URL: `http://127.0.0.1:${await freePort()}` });
    expect((await page.goto('/opportunities'))?.status()).toBe(503);
    await on(UnavailablePage, page);
    expect((await page.goto('/sign-in'))?.status()).toBe(200);
    await new SignInPage(page).signInAs(world.practitioner);
    await on(UnavailablePage, page);
    await web.restartWeb({ API_URL: web.apiUrl });
  });

  it('sets a strict content security policy and an HttpOnly, SameSite session cookie', async () => {
    const response = await fetch(`${web.webUrl}/sign-in`);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'self'");
    expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/]+=*'(;|$)/);
    expect(policy).not.toContain('unsafe-inline');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^tpm_session=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');

    // The policy lets the GOV.UK template's inline script run, and nothing breaks it.
    const page = await web.newPage();
    const refused: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') refused.push(message.text());
    });
    await SignInPage.open(page);
    expect((await page.locator('body').getAttribute('class'))?.split(' ')).toEqual(expect.arrayContaining(['js-enabled', 'govuk-frontend-supported']));
    expect(refused).toEqual([]);
  });

  it('sends the security headers with every answer: pages, assets, and pages that are not there', async () => {
    for (const path of ['/sign-in', '/vendor/govuk/govuk-frontend.min.css', '/public/application.css', '/no-such-page']) {
      const response = await fetch(`${web.webUrl}${path}`);
      expect({ path, policy: response.headers.get('content-security-policy') }).toEqual({ path, policy: expect.stringContaining("default-src 'self'") });
      expect({ path, sniff: response.headers.get('x-content-type-options'), frame: response.headers.get('x-frame-options') }).toEqual({ path, sniff: 'nosniff', frame: 'SAMEORIGIN' });
    }
  });

  it('serves the design systems’ built CSS and JavaScript, and none of their templates', async () => {
    for (const asset of ['/vendor/govuk/govuk-frontend.min.css', '/vendor/moj/moj-frontend.min.js', '/assets/images/favicon.ico']) {
      expect([asset, (await fetch(`${web.webUrl}${asset}`)).status]).toEqual([asset, 200]);
    }
    for (const template of ['/vendor/govuk/template.njk', '/vendor/moj/components/filter/template.njk']) {
      expect([template, (await fetch(`${web.webUrl}${template}`)).status]).toEqual([template, 404]);
    }
  });
});
