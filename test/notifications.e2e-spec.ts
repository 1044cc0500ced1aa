import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import ical, { type VEvent } from 'node-ical';
import { councilRequest, eventually, opportunityRequest, profileRequest, SmtpInbox, universityRequest } from '#libs/testing';
import { type Person, personWith } from './support/people.js';
import { TestStack } from './support/test-stack.js';

describe('notifications: email for events', () => {
  let stack: TestStack;
  let inbox: SmtpInbox;
  let app: NestFastifyApplication;
  let admin: Awaited<ReturnType<TestStack['startApi']>>['http'];
  let anonymous: Awaited<ReturnType<TestStack['startApi']>>['anonymous'];
  const anonymousClient = () => anonymous;
  let partnershipId: string;
  let academic: Person;
  let lead: Person;
  let practitioners: Person[];

  async function publishedOpportunity(overrides: Record<string, unknown> = {}): Promise<string> {
    const id = (await academic.http.post('/api/opportunities').send(opportunityRequest(partnershipId, overrides)).expect(201)).body.id as string;
    await academic.http.post(`/api/opportunities/${id}/publish`).expect(200);
    return id;
  }
  const apply = async (person: Person, opportunityId: string) =>
    (await person.http.post(`/api/opportunities/${opportunityId}/applications`).send({ statement: 'I would like to.' }).expect(201)).body.id as string;
  const propose = async (applicationId: string) => (await lead.http.post('/api/matches').send({ applicationId }).expect(201)).body.id as string;
  const messagesOf = (template: string) =>
    stack.query<{ recipient: string; status: string; attempts: number; last_error: string | null }>(
      'SELECT recipient, status, attempts, last_error FROM sent_messages WHERE template = $1 ORDER BY recipient',
      [template],
    );

  beforeAll(async () => {
    inbox = await SmtpInbox.start();
    stack = await TestStack.create({ SMTP_URL: inbox.url, EVENT_JOB_BACKOFF_MS: 100, PUBLIC_URL: 'https://tpm.example.org' });
    ({ app, http: admin, anonymous } = await stack.startApi());
    await stack.startWorker('notification');
    const uea = (await admin.post('/api/universities').send(universityRequest()).expect(201)).body.id;
    const norfolk = (await admin.post('/api/councils').send(councilRequest()).expect(201)).body.id;
    partnershipId = (await admin.post('/api/partnerships').send({ name: 'Norfolk and Suffolk', universityIds: [uea], councilIds: [norfolk] }).expect(201)).body.id;
    academic = await personWith(app, admin, 'academic', { universityId: uea });
    lead = await personWith(app, admin, 'partnership_lead');
    await admin.post(`/api/partnerships/${partnershipId}/leads`).send({ userId: lead.id }).expect(201);
    practitioners = [];
    for (let i = 0; i < 4; i++) {
      const person = await personWith(app, admin, 'practitioner', { councilId: norfolk });
      await person.http.put('/api/me/profile').send(profileRequest()).expect(200);
      practitioners.push(person);
    }
    // Invitations raced their acceptance; once every one is handled, each test starts from an empty inbox.
    await eventually(async () => {
      const [{ pending }] = (await stack.query<{ pending: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM outbox_events o WHERE type = 'user.invited' AND NOT EXISTS (SELECT 1 FROM inbox_events i WHERE i.event_id = o.id AND i.consumer = 'notification'))
         OR EXISTS (SELECT 1 FROM sent_messages WHERE status = 'pending') AS pending`,
      )) as [{ pending: boolean }];
      expect(pending).toBe(false);
    });
    inbox.received.length = 0;
  });
  afterAll(async () => {
    await stack.close();
    await inbox.stop();
  });

  it('tells the host academic and the lead of an application, in HTML and plain text, with a link back', async () => {
    const opportunity = await publishedOpportunity({ title: 'Lecture on <safeguarding> & risk' });
    await apply(practitioners[0]!, opportunity);
    for (const person of [academic, lead]) {
      const [mail] = await inbox.waitFor(person.email);
      expect(mail!.parsed.subject).toBe('New application: Lecture on <safeguarding> & risk');
      expect(mail!.parsed.text).toContain('Norfolk and Suffolk');
      expect(mail!.parsed.text).toContain(`https://tpm.example.org/manage/opportunities/${opportunity}/applications`);
      expect(mail!.parsed.html).toContain('Lecture on &lt;safeguarding&gt; &amp; risk');
      expect(mail!.parsed.html).toContain(`href="https://tpm.example.org/manage/opportunities/${opportunity}/applications"`);
      expect(mail!.parsed.from?.value[0]).toMatchObject({ name: 'Teaching Partnership Marketplace', address: expect.stringMatching(/^no-reply@/) });
    }
    expect(inbox.to(practitioners[0]!.email)).toHaveLength(0);
  });

  it('sends the practitioner an approval with a calendar invitation of every session in London time, across the clock change', async () => {
    const sessions = [
      { startsAt: '2027-03-27T10:00:00.000Z', endsAt: '2027-03-27T12:00:00.000Z', place: 'UEA, Norwich' },
      // Spans the change: 00:30 GMT to 03:30 BST on 28 March 2027.
      { startsAt: '2027-03-28T00:30:00.000Z', endsAt: '2027-03-28T02:30:00.000Z', place: 'UEA, Norwich' },
      { startsAt: '2027-03-29T09:00:00.000Z', endsAt: '2027-03-29T11:00:00.000Z', onlineLink: 'https://meet.example.org/x' },
    ];
    const opportunity = await publishedOpportunity({ title: 'Interview day', sessions });
    const alex = practitioners[1]!;
    const match = await propose(await apply(alex, opportunity));
    await lead.http.post(`/api/matches/${match}/approve`).send({ note: 'Welcome aboard.' }).expect(200);

    const subjects = (await inbox.waitFor(alex.email, 2)).map((m) => m.parsed.subject);
    expect(subjects.sort()).toEqual(['Confirmed: Interview day', 'You have been put forward for Interview day']);
    const approval = inbox.to(alex.email).find((m) => m.parsed.subject === 'Confirmed: Interview day')!;
    expect(approval.parsed.text).toContain('Welcome aboard.');
    expect(approval.parsed.text).toContain('Sat, 27 Mar 2027, 10:00 GMT');
    expect(approval.parsed.text).toContain('Mon, 29 Mar 2027, 10:00 BST');
    const calendar = approval.raw.match(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    expect(calendar).not.toBeNull();
    const icsText = approval.parsed.attachments.find((a) => a.contentType === 'text/calendar')?.content.toString('utf8') ?? '';
    expect(icsText).toContain('BEGIN:VTIMEZONE');
    expect(icsText).toContain('DTSTART;TZID=Europe/London:20270327T100000');
    expect(icsText).toContain('DTSTART;TZID=Europe/London:20270328T003000');
    expect(icsText).toContain('DTEND;TZID=Europe/London:20270328T033000');
    expect(icsText).toContain('DTSTART;TZID=Europe/London:20270329T100000');
    const events = Object.values(ical.sync.parseICS(icsText)).filter((c): c is VEvent => c?.type === 'VEVENT');
    expect(events.map((e) => [e.start.toISOString(), e.end?.toISOString()])).toEqual(sessions.map((s) => [s.startsAt, s.endsAt]));

    await eventually(() => expect(inbox.to(academic.email).map((m) => m.parsed.subject)).toContain('A practitioner will join Interview day'));
  });

  it('tells a rejected practitioner kindly, and the applicants not chosen when the last place goes', async () => {
    const opportunity = await publishedOpportunity({ title: 'Seminar', capacity: 1 });
    const [waiting, , chosen, rejected] = practitioners as [Person, Person, Person, Person];
    await apply(waiting, opportunity);
    const rejectedMatch = await propose(await apply(rejected, opportunity));
    await lead.http.post(`/api/matches/${rejectedMatch}/reject`).send({ note: 'Next time.' }).expect(200);
    const chosenMatch = await propose(await apply(chosen, opportunity));
    await lead.http.post(`/api/matches/${chosenMatch}/approve`).send({}).expect(200);

    const subjectsOf = (person: Person) => inbox.to(person.email).map((m) => m.parsed.subject);
    await eventually(() => expect(subjectsOf(waiting)).toContain('All places taken: Seminar'));
    await eventually(() => expect(subjectsOf(chosen)).toContain('Confirmed: Seminar'));
    const rejection = await eventually(() => inbox.to(rejected.email).find((m) => m.parsed.subject === 'About your application for Seminar') ?? false);
    expect(rejection.parsed.text).toContain('Thank you for offering your time');
    expect(rejection.parsed.text).toContain('Next time.');
    // The filled event was handled (the waiting applicant's email proves it): nobody else was told.
    expect(subjectsOf(chosen)).not.toContain('All places taken: Seminar');
    expect(subjectsOf(rejected)).not.toContain('All places taken: Seminar');
  });

  it('tells applicants when an opportunity is cancelled, with the reason', async () => {
    const opportunity = await publishedOpportunity({ title: 'Research group' });
    const person = practitioners[0]!;
    await apply(person, opportunity);
    await academic.http.post(`/api/opportunities/${opportunity}/cancel`).send({ reason: 'The room is gone.' }).expect(200);
    const mail = await eventually(() => {
      const found = inbox.to(person.email).find((m) => m.parsed.subject === 'Cancelled: Research group');
      if (!found) throw new Error('not yet');
      return found;
    });
    expect(mail.parsed.text).toContain('The room is gone.');
  });

  it('sends nothing twice when an event is delivered again', async () => {
    const opportunity = await publishedOpportunity({ title: 'Workshop' });
    await apply(practitioners[1]!, opportunity);
    await inbox.waitFor(academic.email, inbox.to(academic.email).length + 1);
    const [event] = await stack.query<{ id: string; payload: unknown }>(
      `SELECT id FROM outbox_events WHERE type = 'application.submitted' AND payload->>'opportunityId' = $1`,
      [opportunity],
    );
    await eventually(async () => expect(await stack.query('SELECT status FROM sent_messages WHERE event_key = $1', [event!.id])).toEqual([{ status: 'sent' }, { status: 'sent' }]));
    const job = await stack.queue('notification').getJob(event!.id);
    await stack.queue('notification').add(job!.name, job!.data, { jobId: `again-${event!.id}` });
    await eventually(async () => expect(await (await stack.queue('notification').getJob(`again-${event!.id}`))?.isCompleted()).toBe(true));
    const messages = await stack.query('SELECT status FROM sent_messages WHERE event_key = $1', [event!.id]);
    expect(messages).toEqual([{ status: 'sent' }, { status: 'sent' }]);
    expect(inbox.to(academic.email).filter((m) => m.parsed.subject === 'New application: Workshop')).toHaveLength(1);
  });

  it('retries a recipient the SMTP server turned away for now, without re-sending to the one it took', async () => {
    const opportunity = await publishedOpportunity({ title: 'Retry talk' });
    inbox.temporaryFailures.add(lead.email);
    await apply(practitioners[2]!, opportunity);
    await eventually(async () => {
      const [failed] = (await messagesOf('application-submitted')).filter((m) => m.recipient === lead.email && m.last_error);
      expect(failed?.last_error).toContain('451');
    });
    inbox.temporaryFailures.delete(lead.email);
    const subject = 'New application: Retry talk';
    await eventually(() => expect(inbox.to(lead.email).filter((m) => m.parsed.subject === subject)).toHaveLength(1));
    expect(inbox.to(academic.email).filter((m) => m.parsed.subject === subject)).toHaveLength(1);
  });

  it('loses nothing and doubles nothing when the SMTP server is down for a while', async () => {
    const opportunity = await publishedOpportunity({ title: 'Outage talk' });
    await inbox.stop();
    await apply(practitioners[3]!, opportunity);
    await eventually(async () => {
      const rows = await stack.query<{ last_error: string | null }>(`SELECT last_error FROM sent_messages WHERE params->>'opportunityTitle' = 'Outage talk'`);
      expect(rows.some((r) => r.last_error)).toBe(true);
    });
    await inbox.listen();
    const subject = 'New application: Outage talk';
    await eventually(() => expect(inbox.to(lead.email).filter((m) => m.parsed.subject === subject)).toHaveLength(1), { timeoutMs: 30_000 });
    await eventually(() => expect(inbox.to(academic.email).filter((m) => m.parsed.subject === subject)).toHaveLength(1));
  });

  it('marks a message refused at DATA as bounced, without suppressing its address', async () => {
    const person = practitioners[3]!;
    inbox.refusedMessages.add(person.email);
    const opportunity = await publishedOpportunity({ title: 'Refused once' });
    const match = await propose(await apply(person, opportunity));
    await eventually(async () => {
      const [row] = await stack.query<{ status: string; last_error: string }>(
        `SELECT status, last_error FROM sent_messages WHERE recipient = $1 AND template = 'match-proposed' AND params->>'opportunityTitle' = 'Refused once'`,
        [person.email],
      );
      expect(row).toMatchObject({ status: 'bounced', last_error: expect.stringContaining('554') });
    });
    inbox.refusedMessages.delete(person.email);
    await lead.http.post(`/api/matches/${match}/approve`).send({}).expect(200);
    const approved = await eventually(() => inbox.to(person.email).find((mail) => mail.parsed.subject?.includes('Refused once')) ?? false);
    expect(approved.parsed.subject).toContain('Refused once');
    expect(await stack.query('SELECT 1 FROM email_suppressions WHERE email = $1', [person.email])).toEqual([]);
  });

  it('suppresses an address that bounces for good, and sends it nothing more', async () => {
    const person = practitioners[0]!;
    inbox.hardBounces.add(person.email);
    const first = await publishedOpportunity({ title: 'Bounce one' });
    const match = await propose(await apply(person, first));
    await eventually(async () => {
      const [suppression] = await stack.query<{ reason: string; smtp_response: string }>('SELECT reason, smtp_response FROM email_suppressions WHERE email = $1', [person.email]);
      expect(suppression).toMatchObject({ reason: 'hard_bounce', smtp_response: expect.stringContaining('550') });
    });
    await lead.http.post(`/api/matches/${match}/approve`).send({}).expect(200);
    await eventually(async () => {
      const rows = await stack.query<{ template: string; status: string }>('SELECT template, status FROM sent_messages WHERE recipient = $1 AND template LIKE $2 ORDER BY created_at', [
        person.email,
        'match-%',
      ]);
      expect(rows.slice(-2)).toEqual([
        { template: 'match-proposed', status: 'bounced' },
        { template: 'match-approved', status: 'suppressed' },
      ]);
    });
  });

  it('emails an invited person the link to choose a password, whose token is neither in the outbox nor in the stored message', async () => {
    const email = 'new.academic@example.org';
    const invited = await admin.post('/api/invitations').send({ email, displayName: 'Nia New', role: 'partnership_lead' }).expect(201);
    const [mail] = await inbox.waitFor(email);
    expect(mail!.parsed.subject).toBe('You are invited to the Teaching Partnership Marketplace');
    expect(mail!.parsed.text).toContain('Dear Nia New,');
    // The link opens the web's page for choosing a password.
    const token = new URL(/https:\/\/tpm\.example\.org\/invitation\?token=\S+/.exec(mail!.parsed.text ?? '')![0]).searchParams.get('token')!;
    expect(token).toBe(invited.body.invitationToken);
    const [event] = await stack.query<{ payload: string }>(`SELECT payload::text FROM outbox_events WHERE type = 'user.invited' AND aggregate_id = $1`, [invited.body.userId]);
    expect(event!.payload).not.toContain(token);
    expect(await stack.query(`SELECT 1 FROM sent_messages WHERE params::text LIKE '%' || $1 || '%'`, [token])).toEqual([]);
    await anonymousClient().post('/api/invitations/accept').send({ token, password: 'a long enough password' }).expect(200);
  });
});
