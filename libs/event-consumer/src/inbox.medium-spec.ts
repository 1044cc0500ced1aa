import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '#libs/database';
import { domainEvent } from '#libs/events';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { handleOnce } from './inbox.js';

describe('the inbox: each event handled once per consumer', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const registered = () => domainEvent('university.registered', { aggregateId: randomUUID(), payload: { universityId: randomUUID(), name: 'UEA', shortName: null } });
  const sideEffects = async (eventId: string) => (await dataSource.query<unknown[]>(`SELECT 1 FROM councils WHERE name = $1`, [`for ${eventId}`])).length;
  const work = (eventId: string) => async (transaction: Parameters<Parameters<typeof handleOnce>[3]>[0]) => {
    await transaction.query(`INSERT INTO councils (name, kind, region) VALUES ($1, 'county', 'london')`, [`for ${eventId}`]);
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions({ url: database.url, poolSize: 4 })).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('skips a redelivery, and lets another consumer handle the same event', async () => {
    const event = registered();
    expect(await handleOnce(dataSource, 'matching', event, work(event.id))).toBe('handled');
    expect(await handleOnce(dataSource, 'matching', event, work(event.id))).toBe('duplicate');
    expect(await sideEffects(event.id)).toBe(1);
    expect(await handleOnce(dataSource, 'notification', event, () => Promise.resolve())).toBe('handled');
  });

  it('does the work once when two deliveries race', async () => {
    const event = registered();
    const outcomes = await Promise.all([1, 2, 3].map(() => handleOnce(dataSource, 'matching', event, work(event.id))));
    expect(outcomes.sort()).toEqual(['duplicate', 'duplicate', 'handled']);
    expect(await sideEffects(event.id)).toBe(1);
  });

  it('leaves no trace of a failed attempt, so the retry starts clean', async () => {
    const event = registered();
    const failing = async (transaction: Parameters<Parameters<typeof handleOnce>[3]>[0]) => {
      await work(event.id)(transaction);
      throw new Error('downstream said no');
    };
    await expect(handleOnce(dataSource, 'matching', event, failing)).rejects.toThrow('downstream said no');
    expect(await sideEffects(event.id)).toBe(0);
    expect(await handleOnce(dataSource, 'matching', event, work(event.id))).toBe('handled');
    expect(await sideEffects(event.id)).toBe(1);
  });
});
