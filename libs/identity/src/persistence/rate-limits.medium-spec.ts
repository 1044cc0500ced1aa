import { DataSource } from 'typeorm';
import { dataSourceOptions } from '#libs/database';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { RateLimits } from './rate-limits.js';

describe('rate limits kept in PostgreSQL', () => {
  let database: TestDatabase;
  // Two data sources: two API processes sharing the counts.
  let first: DataSource;
  let second: DataSource;
  let limits: RateLimits;
  let elsewhere: RateLimits;
  let keys = 0;
  const newKey = () => `login:127.0.0.1:person-${++keys}@example.org`;
  const minute = { windowMs: 60_000, limit: 3, blockMs: 60_000 };
  const row = async (key: string) =>
    (await first.query<{ hits: number; blocked: boolean }[]>(`SELECT hits, blocked_until IS NOT NULL AS blocked FROM rate_limits WHERE key = $1`, [key]))[0];
  /** As if `ms` had passed for the key: its window and block end that much earlier. */
  const later = (key: string, ms: number) =>
    first.query(
      `UPDATE rate_limits SET window_ends_at = window_ends_at - $2 * interval '1 millisecond', blocked_until = blocked_until - $2 * interval '1 millisecond' WHERE key = $1`,
      [key, ms],
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    first = await new DataSource(dataSourceOptions({ url: database.url, poolSize: 10 })).initialize();
    second = await new DataSource(dataSourceOptions({ url: database.url, poolSize: 10 })).initialize();
    limits = new RateLimits(first);
    elsewhere = new RateLimits(second);
  });
  afterAll(async () => {
    await first.destroy();
    await second.destroy();
    await database.drop();
  });

  it('lets the limit through, then blocks the key for the block time, still counting', async () => {
    const key = newKey();
    for (let i = 0; i < 3; i++) expect(await limits.hit(key, minute)).toBe(0);
    expect(await limits.hit(key, minute)).toBe(60);
    expect(await elsewhere.hit(key, minute)).toBeGreaterThanOrEqual(59);
    expect(await row(key)).toEqual({ hits: 5, blocked: true });
    // Another key is counted on its own.
    expect(await limits.hit(newKey(), minute)).toBe(0);
  });

  it('counts again from one once the window has passed, and unblocks once the block has', async () => {
    const key = newKey();
    const short = { windowMs: 10_000, limit: 1, blockMs: 60_000 };
    expect(await limits.hit(key, short)).toBe(0);
    expect(await limits.hit(key, short)).toBe(60);
    await later(key, 10_000);
    // The window is over but the block is not: still blocked, the count starting again.
    expect(await limits.hit(key, short)).toBe(50);
    expect(await row(key)).toEqual({ hits: 1, blocked: true });
    await later(key, 50_000);
    expect(await limits.hit(key, short)).toBe(0);
    expect(await limits.hit(key, short)).toBe(60);
  });

  it('counts every one of many concurrent hits from two processes exactly, and lets exactly the limit through', async () => {
    const key = newKey();
    const limit = { windowMs: 60_000, limit: 10, blockMs: 60_000 };
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? limits : elsewhere).hit(key, limit)));
    expect(answers.filter((blockedFor) => blockedFor === 0)).toHaveLength(10);
    expect(answers.filter((blockedFor) => blockedFor > 0)).toHaveLength(30);
    expect(await row(key)).toEqual({ hits: 40, blocked: true });
  });

  it('deletes the rows whose window and block have both passed, and only those', async () => {
    const [over, blocked, current] = [newKey(), newKey(), newKey()];
    const oneHit = { windowMs: 1000, limit: 0, blockMs: 60_000 };
    await limits.hit(over, { windowMs: 1000, limit: 5, blockMs: 1000 });
    await limits.hit(blocked, oneHit);
    await limits.hit(current, minute);
    await later(over, 2000);
    await later(blocked, 2000);
    await limits.sweep(true);
    expect(await row(over)).toBeUndefined();
    expect(await row(blocked)).toEqual({ hits: 1, blocked: true });
    expect(await row(current)).toEqual({ hits: 1, blocked: false });
  });
});
