import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { councilRequest, eventually, SmtpInbox } from '#libs/testing';
import { DEVELOPMENT_LINK_SECRET, passwordResetToken } from '#libs/mail-contract';
import { PASSWORD, type Person, personWith } from './support/people.js';
import { TestStack } from './support/test-stack.js';

const NEW_PASSWORD = 'a brand new long password';
const EXPIRED = 'This link to reset your password has expired or has been used already. Ask for a new one.';

describe('forgotten passwords', () => {
  let stack: TestStack;
  let inbox: SmtpInbox;
  let app: NestFastifyApplication;
  let admin: Awaited<ReturnType<TestStack['startApi']>>['http'];
  let anonymous: Awaited<ReturnType<TestStack['startApi']>>['anonymous'];
  let councilId: string;

  const ask = (email: string) => anonymous.post('/api/auth/password-reset').send({ email });
  const complete = (token: string, password = NEW_PASSWORD) => anonymous.post('/api/auth/password-reset/complete').send({ token, password });
  const check = (token: string) => anonymous.post('/api/auth/password-reset/check').send({ token });
  const login = (email: string, password: string) => anonymous.post('/api/auth/login').send({ email, password });
  const requestsFor = (userId: string) =>
    stack.query<{ payload: { resetId: string; email: string } }>(
      `SELECT payload FROM outbox_events WHERE type = 'user.password_reset_requested' AND aggregate_id = $1 ORDER BY occurred_at`,
      [userId],
    );
  /** The token in the latest email's link, made as the notification worker makes it. */
  const latestToken = async (person: Person) => passwordResetToken(DEVELOPMENT_LINK_SECRET, (await requestsFor(person.id)).at(-1)!.payload.resetId);
  const practitioner = () => personWith(app, admin, 'practitioner', { councilId });

  beforeAll(async () => {
    inbox = await SmtpInbox.start();
    stack = await TestStack.create({ SMTP_URL: inbox.url, EVENT_JOB_BACKOFF_MS: 100, PUBLIC_URL: 'https://tpm.example.org', PASSWORD_RESETS_PER_HOUR: 4 });
    ({ app, http: admin, anonymous } = await stack.startApi());
    await stack.startWorker('notification');
    councilId = (await admin.post('/api/councils').send(councilRequest()).expect(201)).body.id;
  });
  afterAll(async () => {
    await stack.close();
    await inbox.stop();
  });

  it('answers 202 with the same body for an address with an account and one without, and only the account gets an email', async () => {
    const person = await practitioner();
    const known = await ask(person.email.toUpperCase()).expect(202);
    const unknown = await ask('nobody-here@example.org').expect(202);
    expect(unknown.body).toEqual(known.body);
    expect(unknown.headers['content-type']).toEqual(known.headers['content-type']);
    expect(known.body).toEqual({ detail: 'If an account has this email address, a link to choose a new password has been sent to it.' });

    const [requested] = await requestsFor(person.id);
    expect(requested!.payload).toMatchObject({ email: person.email, resetId: expect.any(String) });
    expect(JSON.stringify(requested)).not.toContain(await latestToken(person));
    expect(await stack.query(`SELECT count(*)::int AS n FROM outbox_events WHERE type = 'user.password_reset_requested'`)).toEqual([{ n: 1 }]);
    const stored = await stack.query<{ token_hash: string }>('SELECT token_hash FROM password_resets WHERE user_id = $1', [person.id]);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toBe(await latestToken(person));
  });

  it('says nothing and sends nothing for a person who has not accepted their invitation yet', async () => {
    const invited = await admin.post('/api/invitations').send({ email: 'not-yet@example.org', displayName: 'Not Yet', role: 'practitioner', councilId }).expect(201);
    await ask('not-yet@example.org').expect(202);
    expect(await requestsFor(invited.body.userId)).toEqual([]);
    expect(await stack.query('SELECT 1 FROM password_resets WHERE user_id = $1', [invited.body.userId])).toEqual([]);
  });

  it('emails a link to the web page, in text and HTML; the link sets a new password once, and the old one stops working', async () => {
    const person = await practitioner();
    await ask(person.email).expect(202);
    const mail = await eventually(() => inbox.to(person.email).find((m) => m.parsed.subject === 'Reset your password') ?? false);
    const link = /https:\/\/tpm\.example\.org\/password-reset\/([A-Za-z0-9_-]+)/.exec(mail.parsed.text ?? '');
    expect(link).not.toBeNull();
    expect(mail.parsed.html).toContain(`href="${link![0]}"`);
    // Essential: no unsubscribe link.
    expect(mail.raw).not.toMatch(/^List-Unsubscribe:/m);

    // Looking does not use the link up.
    await check(link![1]!).expect(204);
    await check(link![1]!).expect(204);
    const changed = await complete(link![1]!).expect(200);
    expect(changed.body).toEqual({ detail: 'Your password has been changed. Sign in with the new one.' });
    await login(person.email, PASSWORD).expect(401);
    await login(person.email, NEW_PASSWORD).expect(200);

    expect((await check(link![1]!).expect(400)).body.detail).toBe(EXPIRED);
    const again = await complete(link![1]!, 'yet another long password').expect(400);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.body).toMatchObject({ status: 400, detail: EXPIRED });
    await login(person.email, NEW_PASSWORD).expect(200);
    expect(await stack.query(`SELECT count(*)::int AS n FROM outbox_events WHERE type = 'user.password_changed' AND aggregate_id = $1`, [person.id])).toEqual([{ n: 1 }]);
  });

  it('ends every sign-in of the person when the password changes', async () => {
    const person = await practitioner();
    const first = (await login(person.email, PASSWORD).expect(200)).body.refreshToken as string;
    const second = (await login(person.email, PASSWORD).expect(200)).body.refreshToken as string;
    await ask(person.email).expect(202);
    await complete(await latestToken(person)).expect(200);
    await anonymous.post('/api/auth/refresh').send({ refreshToken: first }).expect(401);
    await anonymous.post('/api/auth/refresh').send({ refreshToken: second }).expect(401);
    // A sign-in with the new password is a fresh start.
    const fresh = (await login(person.email, NEW_PASSWORD).expect(200)).body.refreshToken as string;
    await anonymous.post('/api/auth/refresh').send({ refreshToken: fresh }).expect(200);
  });

  it('refuses an expired link, and changes nothing', async () => {
    const person = await practitioner();
    await ask(person.email).expect(202);
    await stack.query(`UPDATE password_resets SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [person.id]);
    expect((await check(await latestToken(person)).expect(400)).body.detail).toBe(EXPIRED);
    const expired = await complete(await latestToken(person)).expect(400);
    expect(expired.body.detail).toBe(EXPIRED);
    await login(person.email, PASSWORD).expect(200);
  });

  it('makes earlier links stop working when a new one is asked for', async () => {
    const person = await practitioner();
    await ask(person.email).expect(202);
    const earlier = await latestToken(person);
    await ask(person.email).expect(202);
    const later = await latestToken(person);
    expect(later).not.toBe(earlier);
    await check(earlier).expect(400);
    await check(later).expect(204);
    expect((await complete(earlier).expect(400)).body.detail).toBe(EXPIRED);
    await complete(later).expect(200);
  });

  it('refuses an unknown or tampered token', async () => {
    const person = await practitioner();
    await ask(person.email).expect(202);
    const token = await latestToken(person);
    await complete(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`).expect(400);
    expect((await complete('made-up').expect(400)).body.detail).toBe(EXPIRED);
    await check('made-up').expect(400);
    await anonymous.post('/api/auth/password-reset/check').send({ token: 'x'.repeat(201) }).expect(400);
    await anonymous.post('/api/auth/password-reset/check').send({ token, extra: true }).expect(400);
    await complete(token).expect(200);
  });

  it('holds a new password to the rules of choosing one, and keeps the link working until it is used', async () => {
    const person = await practitioner();
    await ask(person.email).expect(202);
    const token = await latestToken(person);
    const short = await complete(token, 'too short').expect(400);
    expect(short.body.errors).toEqual([expect.objectContaining({ field: 'password' })]);
    await anonymous.post('/api/auth/password-reset/complete').send({ token }).expect(400);
    await anonymous.post('/api/auth/password-reset/complete').send({ token, password: NEW_PASSWORD, extra: 1 }).expect(400);
    await complete(token).expect(200);
  });

  it.each([
    ['no email', {}],
    ['not an email', { email: 'not an address' }],
    ['an unknown field', { email: 'a@example.org', admin: true }],
  ])('refuses a request with %s', async (_, body) => {
    const refused = await anonymous.post('/api/auth/password-reset').send(body).expect(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
  });

  it('sends nothing to an address that bounced for good', async () => {
    const person = await practitioner();
    await stack.query(`INSERT INTO email_suppressions (email, reason) VALUES (lower($1), 'hard_bounce')`, [person.email]);
    await ask(person.email).expect(202);
    await eventually(async () => {
      const [sent] = await stack.query<{ status: string }>(`SELECT status FROM sent_messages WHERE template = 'password-reset' AND recipient = $1`, [person.email]);
      return sent?.status === 'suppressed';
    });
    expect(inbox.to(person.email).filter((mail) => mail.parsed.subject === 'Reset your password')).toEqual([]);
  });

  it('limits requests per email from one address, the same for an address with no account', async () => {
    const person = await practitioner();
    for (let i = 0; i < 4; i++) await ask(person.email).expect(202);
    const blocked = await ask(person.email).expect(429);
    expect(blocked.headers['retry-after']).toMatch(/^\d+$/);
    expect(blocked.body).toMatchObject({ status: 429 });
    for (let i = 0; i < 4; i++) await ask('no-account@example.org').expect(202);
    await ask('no-account@example.org').expect(429);
    // Another email from the same address is not held back.
    await ask('someone-else@example.org').expect(202);
    expect(await requestsFor(person.id)).toHaveLength(4);
  });
});
