import { spawnSync } from 'node:child_process';
import { type DynamicModule, type INestApplicationContext, Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import { loadConfig, TypedConfigModule } from '#libs/config';
import { DatabaseModule } from '#libs/database';
import { EventConsumerModule, type EventHandler, HandlesEvents, WorkerConfig } from '#libs/event-consumer';
import { CONSUMER_SUBSCRIPTIONS, EVENT_CATALOGUE, type EventEnvelope, type EventType } from '#libs/events';
import { eventually } from '#libs/testing';
import { OpportunitiesToPublish } from './support/opportunities-to-publish.js';
import { TestStack } from './support/test-stack.js';

/** Writes a row, then fails while `failuresLeft` lasts: a handler whose downstream is away. It takes all of matching's events. */
@Injectable()
@HandlesEvents(...CONSUMER_SUBSCRIPTIONS.matching.map((type): [EventType, number] => [type, EVENT_CATALOGUE[type].version]))
class FlakyHandler implements EventHandler {
  failuresLeft = 0;
  calls = 0;

  async handle(event: EventEnvelope, transaction: EntityManager): Promise<void> {
    this.calls += 1;
    await transaction.query(`INSERT INTO councils (name, kind, region) VALUES ($1, 'county', 'london')`, [`side effect ${event.id}`]);
    if (this.failuresLeft > 0) {
      this.failuresLeft -= 1;
      throw new Error('downstream unavailable');
    }
  }
}

@Module({})
class FlakyConsumerModule {
  static forRoot(config: WorkerConfig): DynamicModule {
    return {
      module: FlakyConsumerModule,
      imports: [TypedConfigModule.forRoot(config), DatabaseModule.forRoot(), EventConsumerModule.forGroup('matching')],
      providers: [FlakyHandler],
    };
  }
}

describe('a consumer whose handler fails', () => {
  let stack: TestStack;
  let http: Awaited<ReturnType<TestStack['startApi']>>['http'];
  let handler: FlakyHandler;
  let consumer: INestApplicationContext;
  let opportunities: OpportunitiesToPublish;

  beforeAll(async () => {
    stack = await TestStack.create({ EVENT_JOB_ATTEMPTS: 3, EVENT_JOB_BACKOFF_MS: 20 });
    ({ http } = await stack.startApi());
    opportunities = await OpportunitiesToPublish.create(stack, http);
    consumer = await NestFactory.createApplicationContext(FlakyConsumerModule.forRoot(loadConfig(WorkerConfig, stack.settings)), { logger: false });
    await consumer.init();
    handler = consumer.get(FlakyHandler);
  });
  afterAll(async () => {
    await consumer.close();
    await stack.close();
  });

  const sideEffects = async (eventId: string) =>
    (await stack.query('SELECT 1 FROM councils WHERE name = $1', [`side effect ${eventId}`])).length;

  const failedEventsCli = (...args: string[]) =>
    spawnSync(process.execPath, ['dist/libs/events/src/cli/failed-events.js', ...args], {
      env: { ...process.env, ...Object.fromEntries(Object.entries(stack.settings).map(([k, v]) => [k, String(v)])) },
      encoding: 'utf8',
    });

  it('retries with backoff and succeeds once, leaving no trace of the failed attempts', async () => {
    handler.failuresLeft = 2;
    const eventId = await opportunities.publishNew();
    const queue = stack.queue('matching');
    await eventually(async () => expect(await queue.getJobState(eventId)).toBe('completed'));
    const job = await queue.getJob(eventId);
    expect(job!.attemptsMade).toBe(3);
    expect(job!.returnvalue).toBe('handled');
    expect(await sideEffects(eventId)).toBe(1);
    expect(await stack.inboxCount('matching')).toBe(1);
  });

  it('keeps an event that fails every attempt in the failed set, where an operator sees it and a replay handles it once', async () => {
    handler.failuresLeft = 3;
    handler.calls = 0;
    const eventId = await opportunities.publishNew();
    const queue = stack.queue('matching');
    await eventually(async () => expect(await queue.getJobState(eventId)).toBe('failed'));
    const failed = await queue.getJob(eventId);
    expect(failed!.attemptsMade).toBe(3);
    expect(failed!.failedReason).toBe('downstream unavailable');
    expect(handler.calls).toBe(3);
    expect(await sideEffects(eventId)).toBe(0);
    expect((await queue.getFailed()).map((job) => job.id)).toContain(eventId);

    // An operator sees it and replays it with the command-line tool.
    const listed = failedEventsCli('list');
    expect(listed.status).toBe(0);
    const rows = listed.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(rows).toContainEqual(
      expect.objectContaining({ group: 'matching', jobId: eventId, eventType: 'opportunity.published', attempts: 3, failedReason: 'downstream unavailable' }),
    );
    const replayed = failedEventsCli('replay', 'matching', eventId);
    expect(replayed.stdout).toContain("1 event(s) put back in matching's queue");
    await eventually(async () => expect(await (await queue.getJob(eventId))!.isCompleted()).toBe(true));
    expect(await sideEffects(eventId)).toBe(1);
    expect(failedEventsCli('replay', 'matching', eventId).status).toBe(1);
  });
});
