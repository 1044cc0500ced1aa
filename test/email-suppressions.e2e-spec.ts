import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type Person, personWith } from './support/people.js';
import { TestStack } from './support/test-stack.js';

describe('email suppressions: seeing them, and lifting one', () => {
  let stack: TestStack;
  let app: NestFastifyApplication;
  let admin: Awaited<ReturnType<TestStack['startApi']>>['http'];
  let lead: Person;

  /** As the notification worker leaves an address that bounced for good. */
  const suppress = (email: string, reason = 'hard_bounce') =>
    stack.query(`INSERT INTO email_suppressions (email, reason, smtp_response) VALUES ($1, $2, '550 No such user')`, [email, reason]);
  const suppressed = async () => (await admin.get('/api/admin/email-suppressions').expect(200)).body.map((row: { email: string }) => row.email);

  beforeAll(async () => {
    stack = await TestStack.create();
    ({ app, http: admin } = await stack.startApi({ OUTBOX_RELAY: 'false' }));
    lead = await personWith(app, admin, 'partnership_lead');
  });
  afterAll(() => stack.close());

  it('lifts a suppression, whatever the case of the address, and records who did it', async () => {
    await suppress('gone@example.org');
    await suppress('kept@example.org', 'complaint');
    expect(await suppressed()).toEqual(expect.arrayContaining(['gone@example.org', 'kept@example.org']));

    await admin.delete('/api/admin/email-suppressions/Gone%40Example.org').expect(204);
    expect(await suppressed()).toEqual(['kept@example.org']);
    const [event] = await stack.query<{ actor_id: string; aggregate_type: string; payload: object }>(
      `SELECT actor_id, aggregate_type, payload FROM outbox_events WHERE type = 'email.suppression_lifted'`,
    );
    const me = (await admin.get('/api/me').expect(200)).body.id;
    expect(event).toEqual({ actor_id: me, aggregate_type: 'email_suppression', payload: { email: 'gone@example.org', reason: 'hard_bounce' } });
  });

  it('answers 404 for an address that is not suppressed, and writes nothing', async () => {
    const response = await admin.delete('/api/admin/email-suppressions/nobody%40example.org').expect(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(await stack.query(`SELECT 1 FROM outbox_events WHERE type = 'email.suppression_lifted' AND payload->>'email' = 'nobody@example.org'`)).toEqual([]);
  });

  it('refuses what is not an email address with a 400 naming the field', async () => {
    const response = await admin.delete('/api/admin/email-suppressions/not-an-address').expect(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'email' })]);
  });

  it('lets only admins lift one', async () => {
    await suppress('still@example.org');
    const response = await lead.http.delete('/api/admin/email-suppressions/still%40example.org').expect(403);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(await suppressed()).toContain('still@example.org');
  });
});
