import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Retries `check` until it stops throwing (or returns true), for outcomes that arrive asynchronously.
 * The limit only stops a test that would otherwise hang; no test asserts how fast things happen.
 */
export async function eventually<T>(
  check: () => Promise<T> | T,
  { timeoutMs = 20_000, intervalMs = 50 } = {},
): Promise<Exclude<T, false>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const result = await check();
      if (result !== false) return result as Exclude<T, false>;
      if (Date.now() > deadline) throw new Error('condition still false');
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await sleep(intervalMs);
  }
}
