import type { Queue } from 'bullmq';

export type DigestFrequency = 'daily' | 'weekly';
export const DIGEST_FREQUENCIES: readonly DigestFrequency[] = ['daily', 'weekly'];

/** The notification worker's digest queue, fed by its job schedulers and by these requests. */
export const DIGEST_QUEUE = 'notification-digests';

export interface DigestRunJob {
  frequency: DigestFrequency;
  /** When the run was due; a scheduler's job says it in its id, a requested run here. */
  scheduledFor?: number;
}

/** A run of the digest due now: each subscriber still gets at most one for the period. */
export function requestDigestRun(queue: Queue, frequency: DigestFrequency, at = Date.now()) {
  return queue.add('run', { frequency, scheduledFor: at } satisfies DigestRunJob, { jobId: `requested-${frequency}-${at}` });
}
