import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '#libs/database';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { NotificationConfig } from '../notification.config.js';
import { Links } from './links.js';
import type { Mailer, OutgoingEmail } from './mailer.js';
import { MessageDelivery } from './message-delivery.js';

/** Delivery's claims and marks against a real database, with an SMTP server that is slow or fails. */
describe('delivering messages at once', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const config = Object.assign(new NotificationConfig(), { PUBLIC_URL: 'https://tpm.example.org' });

  /** A mailer that takes `ms` over each message and refuses, for now, the addresses in `failing`. */
  function slowMailer(ms: number, failing = new Set<string>()) {
    const sent: string[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    const mailer = {
      sender: { name: 'TPM', email: config.MAIL_FROM },
      async send(email: OutgoingEmail) {
        inFlight += 1;
        mostInFlight = Math.max(mostInFlight, inFlight);
        await sleep(ms);
        inFlight -= 1;
        if (failing.has(email.to)) throw new Error('451 Try again later');
        sent.push(email.to);
      },
    } as unknown as Mailer;
    return { mailer, sent, mostInFlight: () => mostInFlight };
  }

  /** A digest for each address, pending, under the period's keys. */
  async function planned(period: string, count: number): Promise<{ keys: string[]; recipients: string[] }> {
    const recipients = Array.from({ length: count }, (_, i) => `${period}-${i}@example.org`);
    const keys = recipients.map(() => `digest-${period}-${randomUUID()}`);
    const params = (subscriptionId: string) => ({
      subscriptionId,
      frequency: 'daily',
      total: 1,
      opportunities: [{ title: 'Lecture', type: 'teaching', partnershipName: 'P', firstSessionAt: null, closesAt: '2030-01-01T00:00:00Z', link: 'https://tpm.example.org/o/1' }],
      moreLink: 'https://tpm.example.org/opportunities',
    });
    for (const [i, key] of keys.entries()) {
      await dataSource.query(`INSERT INTO sent_messages (event_key, recipient, template, params) VALUES ($1, $2, 'digest', $3)`, [key, recipients[i], params(randomUUID())]);
    }
    return { keys, recipients };
  }
  const statuses = async (keys: string[]) =>
    dataSource.query<{ recipient: string; status: string; last_error: string | null }[]>(
      `SELECT recipient, status, last_error FROM sent_messages WHERE event_key = ANY($1) ORDER BY recipient`,
      [keys],
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions({ url: database.url, poolSize: 6 })).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('sends each message once when two deliveries of the same batch run at once, up to the bound each', async () => {
    const { keys, recipients } = await planned('twice', 20);
    const smtp = slowMailer(20);
    const delivery = new MessageDelivery(dataSource, smtp.mailer, config, new Links(config));
    await Promise.all([delivery.deliver(keys, { concurrency: 4 }), delivery.deliver(keys, { concurrency: 4 })]);
    expect([...smtp.sent].sort()).toEqual([...recipients].sort());
    expect(smtp.mostInFlight()).toBeGreaterThan(1);
    expect(smtp.mostInFlight()).toBeLessThanOrEqual(8);
    expect((await statuses(keys)).every((row) => row.status === 'sent')).toBe(true);
    // Again: nothing is pending, nothing goes.
    await delivery.deliver(keys, { concurrency: 4 });
    expect(smtp.sent).toHaveLength(20);
  });

  it('marks what the server took, leaves what it refused for now pending, and then fails', async () => {
    const { keys, recipients } = await planned('refused', 6);
    const smtp = slowMailer(5, new Set([recipients[3]!]));
    const delivery = new MessageDelivery(dataSource, smtp.mailer, config, new Links(config));
    await expect(delivery.deliver(keys, { concurrency: 3 })).rejects.toThrow('451');
    const rows = await statuses(keys);
    expect(rows.filter((row) => row.status === 'pending')).toEqual([{ recipient: recipients[3], status: 'pending', last_error: '451 Try again later' }]);
    expect(rows.filter((row) => row.status === 'sent')).toHaveLength(5);
    // No lock is left behind: another connection can claim every message.
    const [{ locks }] = await dataSource.query<[{ locks: number }]>(`SELECT count(*)::int AS locks FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`);
    expect(locks).toBe(0);
  });

  it('marks what the server took within SENT_MARK_DELAY_MS in one statement, and all of it before the delivery ends', async () => {
    // Each statement marks its rows at its own transaction's now(): one sent_at a statement.
    const markStatements = async (keys: string[]) =>
      (await dataSource.query<[{ statements: number }]>(`SELECT count(DISTINCT sent_at)::int AS statements FROM sent_messages WHERE event_key = ANY($1)`, [keys]))[0]
        .statements;
    const deliverAll = async (period: string, delayMs: number) => {
      const { keys } = await planned(period, 12);
      await new MessageDelivery(dataSource, slowMailer(5).mailer, Object.assign(new NotificationConfig(), config, { SENT_MARK_DELAY_MS: delayMs }), new Links(config)).deliver(keys, {
        concurrency: 4,
      });
      expect((await statuses(keys)).every((row) => row.status === 'sent')).toBe(true);
      return markStatements(keys);
    };
    // Three rounds of four sends of 5 ms each: all taken within 500 ms.
    expect(await deliverAll('coalesced', 500)).toBe(1);
    expect(await deliverAll('one-by-one', 0)).toBeGreaterThan(1);
  });

  it('fails every delivery whose message the failed mark held, leaves those messages pending, and keeps no lock', async () => {
    const [first, second] = [await planned('mark-fails-1', 3), await planned('mark-fails-2', 3)];
    // The database refuses to mark one of the second batch's messages sent: the UPDATE carrying it fails whole.
    await dataSource.query(`CREATE FUNCTION refuse_mark() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'mark refused'; END $$`);
    await dataSource.query(
      `CREATE TRIGGER refuse_mark BEFORE UPDATE ON sent_messages FOR EACH ROW WHEN (NEW.status = 'sent' AND NEW.recipient = '${second.recipients[1]}') EXECUTE FUNCTION refuse_mark()`,
    );
    try {
      const smtp = slowMailer(5);
      const delivery = new MessageDelivery(dataSource, smtp.mailer, Object.assign(new NotificationConfig(), config, { SENT_MARK_DELAY_MS: 500 }), new Links(config));
      const outcomes = await Promise.allSettled([delivery.deliver(first.keys, { concurrency: 3 }), delivery.deliver(second.keys, { concurrency: 3 })]);
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
      expect(smtp.sent).toHaveLength(6);
      // Taken by the server but not marked: pending, to go again (with the same Message-ID) when the batch is retried.
      expect((await statuses([...first.keys, ...second.keys])).map((row) => row.status)).toEqual(Array(6).fill('pending'));
      const [{ locks }] = await dataSource.query<[{ locks: number }]>(
        `SELECT count(*)::int AS locks FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
      expect(locks).toBe(0);
    } finally {
      await dataSource.query('DROP TRIGGER refuse_mark ON sent_messages');
      await dataSource.query('DROP FUNCTION refuse_mark()');
    }
  });

  it('marks what two deliveries at once had taken in one statement, each marked before it ends', async () => {
    const [first, second] = [await planned('together-1', 6), await planned('together-2', 6)];
    const delivery = new MessageDelivery(dataSource, slowMailer(5).mailer, Object.assign(new NotificationConfig(), config, { SENT_MARK_DELAY_MS: 500 }), new Links(config));
    const allSent = async (keys: string[]) => (await statuses(keys)).every((row) => row.status === 'sent');
    await Promise.all(
      [first, second].map(async ({ keys }) => {
        await delivery.deliver(keys, { concurrency: 3 });
        expect(await allSent(keys)).toBe(true);
      }),
    );
    const [{ statements }] = await dataSource.query<[{ statements: number }]>(`SELECT count(DISTINCT sent_at)::int AS statements FROM sent_messages WHERE event_key = ANY($1)`, [
      [...first.keys, ...second.keys],
    ]);
    expect(statements).toBe(1);
  });
});
