import 'reflect-metadata';
import { loadConfigOrExit } from '#libs/config';
import { createQueue } from '#libs/events';
import { NotificationConfig } from '#libs/notifications';
import { DIGEST_FREQUENCIES, DIGEST_QUEUE, type DigestFrequency, requestDigestRun } from '#libs/mail-contract';

/** `npm run digest -- daily|weekly`: a digest run due now, for the notification worker to send. */
const frequency = process.argv[2] as DigestFrequency;
if (!DIGEST_FREQUENCIES.includes(frequency)) {
  process.stderr.write(`Usage: npm run digest -- ${DIGEST_FREQUENCIES.join('|')}\n`);
  process.exit(2);
}
const config = loadConfigOrExit(NotificationConfig);
const queue = createQueue(config, DIGEST_QUEUE, 'producer');
const job = await requestDigestRun(queue, frequency);
process.stdout.write(`Queued a ${frequency} digest run (job ${job.id}); the notification worker sends it.\n`);
await queue.close();
