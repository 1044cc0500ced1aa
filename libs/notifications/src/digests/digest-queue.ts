import type { DigestFrequency } from '#libs/mail-contract';

export { DIGEST_QUEUE, type DigestRunJob } from '#libs/mail-contract';

export interface DigestBatchJob {
  frequency: DigestFrequency;
  period: string;
  subscriptionIds: string[];
}
