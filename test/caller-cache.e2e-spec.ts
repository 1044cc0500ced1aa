import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { councilRequest, eventually } from '#libs/testing';
import { type Person, personWith } from './support/people.js';
import { TestStack } from './support/test-stack.js';

/**
 * The API reuses who a caller is and which partnerships they work in between requests; a change to
 * either must still take effect at once, in the process that made it and in every other.
 */
describe('callers between requests', () => {
  let stack: TestStack;
  let app: NestFastifyApplication;
  let admin: Awaited<ReturnType<TestStack['startApi']>>['http'];
  let otherProcessAdmin: Awaited<ReturnType<TestStack['startApi']>>['http'];
  let partnership: string;
  let council: string;

  beforeAll(async () => {
    stack = await TestStack.create();
    ({ app, http: admin } = await stack.startApi({ OUTBOX_RELAY: 'false' }));
    ({ http: otherProcessAdmin } = await stack.startApi({ OUTBOX_RELAY: 'false' }));
    council = (await admin.post('/api/councils').send(councilRequest()).expect(201)).body.id;
    partnership = (await admin.post('/api/partnerships').send({ name: 'P', councilIds: [council] }).expect(201)).body.id;
  });
  afterAll(() => stack.close());

  const practitioner = () => personWith(app, admin, 'practitioner', { councilId: council });
  const seesPartnership = async (person: Person) => (await person.http.get(`/api/partnerships/${partnership}`)).status;
  /** Changes made straight in the database, with the triggers that announce them switched off. */
  const unannounced = async (sql: string, params: unknown[]) => {
    await stack.query('ALTER TABLE users DISABLE TRIGGER users_notify_caller_access');
    try {
      await stack.query(sql, params);
    } finally {
      await stack.query('ALTER TABLE users ENABLE TRIGGER users_notify_caller_access');
    }
  };

  it('loses a removed membership at once in the process that removed it', async () => {
    const person = await practitioner();
    expect(await seesPartnership(person)).toBe(200);
    // Without the database's notice, so only the process's own emptying can make this pass.
    await stack.query('ALTER TABLE partnership_members DISABLE TRIGGER partnership_members_notify_caller_access');
    try {
      await admin.delete(`/api/partnerships/${partnership}/members/${council}`).expect(204);
      expect(await seesPartnership(person)).toBe(404);
      await admin.post(`/api/partnerships/${partnership}/members`).send({ organisationType: 'council', organisationId: council }).expect(201);
      expect(await seesPartnership(person)).toBe(200);
    } finally {
      await stack.query('ALTER TABLE partnership_members ENABLE TRIGGER partnership_members_notify_caller_access');
    }
  });

  it('loses it promptly in every other API process, told by the database', async () => {
    const person = await practitioner();
    expect(await seesPartnership(person)).toBe(200);
    await otherProcessAdmin.delete(`/api/partnerships/${partnership}/members/${council}`).expect(204);
    await eventually(async () => expect(await seesPartnership(person)).toBe(404));
    await otherProcessAdmin.post(`/api/partnerships/${partnership}/members`).send({ organisationType: 'council', organisationId: council }).expect(201);
    await eventually(async () => expect(await seesPartnership(person)).toBe(200));
  });

  it('reuses what it read until the database says something changed', async () => {
    const person = await practitioner();
    await person.http.get('/api/me').expect(200);
    await unannounced('UPDATE users SET password_hash = NULL WHERE id = $1', [person.id]);
    // Unannounced, the change is not seen: the caller was not read again.
    await person.http.get('/api/me').expect(200);
    await stack.query(`NOTIFY caller_access`);
    await eventually(async () => (await person.http.get('/api/me')).status === 401);
  });

  it('reads callers afresh while it cannot hear the database', async () => {
    const person = await practitioner();
    await stack.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'tpm-caller-cache' AND datname = current_database()`);
    await person.http.get('/api/me').expect(200);
    await unannounced('UPDATE users SET password_hash = NULL WHERE id = $1', [person.id]);
    await person.http.get('/api/me').expect(401);
  });
});
