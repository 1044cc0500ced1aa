import { producerConnection, warnUnlessNoEviction } from '#libs/events';
import { DisposableRedis } from '#libs/testing';

/** BullMQ loses jobs on a Redis that may evict keys: start-up says so loudly. */
describe('the start-up check of Redis eviction', () => {
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
});
