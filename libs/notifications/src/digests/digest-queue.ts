import type { DigestFrequency } from '#libs/subscriptions';

export { DIGEST_QUEUE, type DigestRunJob } from '#libs/subscriptions';

export interface DigestBatchJob {
  frequency: DigestFrequency;
  period: string;
  subscriptionIds: string[];
}
