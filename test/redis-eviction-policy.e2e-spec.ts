import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { producerConnection, warnUnlessNoEviction, warnUnlessPersistent } from '#libs/events';
import { describeWithRedisServer, DisposableRedis } from '#libs/testing';

/** BullMQ loses jobs on a Redis that may evict keys: start-up says so loudly. */
describeWithRedisServer('the start-up check of Redis eviction', () => {
  const warnings: string[] = [];
  const logger = { warn: (message: string) => warnings.push(message) } as never;
  let redis: DisposableRedis | undefined;

  beforeEach(() => warnings.splice(0));
  afterEach(async () => {
    await redis?.stop();
    redis = undefined;
  });

  it('warns, naming the policy, when Redis may evict keys', async () => {
    redis = await DisposableRedis.start(['--maxmemory-policy', 'allkeys-lru']);
    expect(await warnUnlessNoEviction(producerConnection(redis.url), logger)).toBe('allkeys-lru');
    expect(warnings).toEqual([expect.stringContaining('maxmemory-policy is "allkeys-lru", not "noeviction"')]);
  });

  it('stays quiet when Redis never evicts', async () => {
    redis = await DisposableRedis.start();
    expect(await warnUnlessNoEviction(producerConnection(redis.url), logger)).toBe('noeviction');
    expect(warnings).toEqual([]);
  });

  it('warns that it could not check when Redis is away, and does not stop the process', async () => {
    redis = await DisposableRedis.start();
    const url = redis.url;
    await redis.stop();
    expect(await warnUnlessNoEviction(producerConnection(url), logger)).toBeNull();
    expect(warnings).toEqual([expect.stringContaining('Could not read Redis maxmemory-policy')]);
  });

  it('warns when Redis keeps nothing on disk, and not when it keeps an append-only file', async () => {
    redis = await DisposableRedis.start();
    expect(await warnUnlessPersistent(producerConnection(redis.url), logger)).toBe(false);
    expect(warnings).toEqual([expect.stringContaining('Redis keeps nothing on disk')]);
    await redis.stop();

    warnings.splice(0);
    redis = await DisposableRedis.start(['--appendonly', 'yes', '--dir', mkdtempSync(join(tmpdir(), 'redis-aof-'))]);
    expect(await warnUnlessPersistent(producerConnection(redis.url), logger)).toBe(true);
    expect(warnings).toEqual([]);
  });
});
