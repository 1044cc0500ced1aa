import { setTimeout as sleep } from 'node:timers/promises';

/** Calls `work` for 0..count-1 with `concurrency` calls always in flight, as that many busy clients would. */
export async function runConcurrently(count: number, concurrency: number, work: (index: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const client = async () => {
    while (next < count) await work(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, client));
}

/**
 * Starts `work` at a steady rate whatever each call takes: arrivals do not wait for earlier ones to
 * finish. The first failure stops the arrivals and is what it rejects with.
 */
export async function runPaced(count: number, perSecond: number, work: (index: number) => Promise<unknown>): Promise<void> {
  const start = performance.now();
  const calls: Promise<unknown>[] = [];
  let failure: { error: unknown } | undefined;
  for (let index = 0; index < count && !failure; index++) {
    const wait = start + (index * 1000) / perSecond - performance.now();
    if (wait > 0) await sleep(wait);
    // Caught at once: a call failing while later ones are still being started is not left unhandled.
    calls.push(work(index).catch((error: unknown) => (failure ??= { error })));
  }
  await Promise.all(calls);
  if (failure) throw failure.error;
}

export async function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
