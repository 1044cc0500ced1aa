import { CoreConfig, loadConfigOrExit } from '#libs/config';
import { CONSUMER_GROUPS, type ConsumerGroup } from '../consumer-groups.js';
import { FailedEvents } from '../failed-events.js';

const usage = `Usage:
  npm run events:failed                          list the failed events of every consumer group
  npm run events:failed -- replay GROUP [JOB_ID]  retry one failed event, or all of GROUP's
GROUP is one of: ${CONSUMER_GROUPS.join(', ')}`;

const isGroup = (value: string | undefined): value is ConsumerGroup => CONSUMER_GROUPS.includes(value as ConsumerGroup);

const [command = 'list', group, jobId] = process.argv.slice(2);
if (!['list', 'replay'].includes(command) || (command === 'replay' && !isGroup(group))) {
  process.stderr.write(`${usage}\n`);
  process.exit(2);
}

const failedEvents = new FailedEvents(loadConfigOrExit(CoreConfig));
try {
  if (command === 'list') {
    const failed = await failedEvents.list();
    for (const event of failed) process.stdout.write(`${JSON.stringify(event)}\n`);
    process.stderr.write(`${failed.length} failed event(s)\n`);
  } else {
    const replayed = await failedEvents.replay(group as ConsumerGroup, jobId);
    process.stdout.write(`${replayed} event(s) put back in ${group}'s queue\n`);
    if (jobId !== undefined && replayed === 0) process.exitCode = 1;
  }
} finally {
  await failedEvents.close();
}
