import { producerConnection, workerConnection } from './redis-connection.js';

describe('Redis connections', () => {
  it('reads host, port, credentials and database from the URL', () => {
    expect(producerConnection('redis://user:p%40ss@cache.internal:6380/2')).toMatchObject({
      host: 'cache.internal',
      port: 6380,
      username: 'user',
      password: 'p@ss',
      db: 2,
      tls: undefined,
    });
  });

  it('defaults the port and database, and turns on TLS for rediss://', () => {
    expect(producerConnection('rediss://cache.internal')).toMatchObject({ port: 6379, db: 0, tls: {} });
  });

  it('makes producers fail fast and workers wait', () => {
    expect(producerConnection('redis://127.0.0.1:6379')).toMatchObject({ enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    const worker = workerConnection('redis://127.0.0.1:6379');
    expect(worker.maxRetriesPerRequest).toBeNull();
    expect(worker.retryStrategy?.(1_000)).toBe(5_000);
  });
});
