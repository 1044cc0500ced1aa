import 'reflect-metadata';
import { cpus } from 'node:os';
import { recreateDatabase } from './bench-database.js';
import { Pipeline } from './pipeline.js';
import { RawBullmq } from './raw-bullmq.js';
import { removeKeysWithPrefix } from './redis-keys.js';
import { type Figures, printTable } from './report.js';
import { ADD_BATCH_SIZE, benchSettings, EVENTS, PRODUCERS, STEADY_EVENTS, STEADY_RATE, WARM_UP_EVENTS } from './settings.js';

const say = (line: string) => process.stdout.write(`${line}\n`);
const settings = benchSettings();
const { worker } = settings;
const n = (value: number) => value.toLocaleString('en-GB');

say(`Event pipeline benchmark: ${cpus().length} cores, Node ${process.version}, queue prefix ${worker.QUEUE_PREFIX}`);
say(`Both sides: ${n(EVENTS)} events after ${n(WARM_UP_EVENTS)} to warm up; one worker at concurrency ${worker.WORKER_CONCURRENCY}; all in this process.`);
say(`Latency: ${n(STEADY_EVENTS)} events at a steady ${STEADY_RATE}/s.`);
say(`raw BullMQ: Queue.addBulk in batches of ${ADD_BATCH_SIZE} (jobs shaped and configured as the relay's), a Worker with a no-op processor;`);
say('  throughput from the first add to the last job completed; latency from add resolved to job completed.');
say(`pipeline: RegisterUniversityCommand through the API module's CommandBus (university + outbox row in one transaction), ${PRODUCERS} in flight;`);
say(`  OutboxRelay (batches of ${settings.api.OUTBOX_BATCH_SIZE}) -> BullMQ -> matching EventConsumer (inbox row in its own transaction), pool ${settings.api.DATABASE_POOL_SIZE} per app;`);
say('  the relay also fans each event out to the notification queue, which nothing consumes here;');
say('  throughput from the first event\'s occurred_at to the last inbox handled_at; latency from command resolved to inbox handled_at.');

const database = await recreateDatabase(settings.api.DATABASE_URL);
try {
  const raw = await measureRaw();
  const pipeline = await measurePipeline();
  printTable(raw, pipeline, STEADY_RATE);
} finally {
  await removeKeysWithPrefix(worker.REDIS_URL, worker.QUEUE_PREFIX);
  await database.drop();
}

async function measureRaw(): Promise<Figures> {
  const raw = new RawBullmq(settings);
  try {
    await raw.ready();
    await raw.throughput(WARM_UP_EVENTS);
    const eventsPerSecond = await raw.throughput(EVENTS);
    say(`\nraw BullMQ: ${n(Math.round(eventsPerSecond))} jobs/s`);
    const latency = await raw.latency(STEADY_EVENTS, STEADY_RATE);
    return { eventsPerSecond, latency };
  } finally {
    await raw.close();
  }
}

async function measurePipeline(): Promise<Figures> {
  const pipeline = await Pipeline.start(settings);
  try {
    await pipeline.throughput('warm-up', WARM_UP_EVENTS, PRODUCERS);
    const eventsPerSecond = await pipeline.throughput('throughput', EVENTS, PRODUCERS);
    say(`pipeline: ${n(Math.round(eventsPerSecond))} events/s`);
    const latency = await pipeline.latency('steady', STEADY_EVENTS, STEADY_RATE);
    return { eventsPerSecond, latency };
  } finally {
    await pipeline.close();
  }
}
