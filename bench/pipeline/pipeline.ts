import { type DynamicModule, type INestApplicationContext, Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import pg from 'pg';
import { ApiModule } from '../../apps/api/src/api.module.js';
import { MatchingWorkerModule } from '../../apps/matching-worker/src/matching-worker.module.js';
import { RegisterUniversityCommand } from '#libs/organisations';
import { type EventHandler, HandlesEvents } from '#libs/event-consumer';
import { CONSUMER_SUBSCRIPTIONS, type EventType } from '#libs/events';
import type { BenchSettings } from './settings.js';
import { EventTimings, type Stages } from './timings.js';

const CONSUMER = 'matching';

/**
 * No worker takes university.registered in the product; here the matching group takes it and does
 * nothing with it, so that what is measured is the pipeline itself: the command's outbox row, the
 * relay, the queue and the consumer's inbox row.
 */
@Injectable()
@HandlesEvents(['university.registered', 1])
class UniversityRegisteredIgnored implements EventHandler<'university.registered'> {
  handle(): Promise<void> {
    return Promise.resolve();
  }
}

@Module({})
class BenchMatchingWorkerModule {
  static forRoot(config: BenchSettings['worker']): DynamicModule {
    const subscriptions = CONSUMER_SUBSCRIPTIONS.matching as unknown as EventType[];
    if (!subscriptions.includes('university.registered')) subscriptions.push('university.registered');
    return { module: BenchMatchingWorkerModule, imports: [MatchingWorkerModule.forRoot(config)], providers: [UniversityRegisteredIgnored] };
  }
}

/**
 * The real path of a domain event: RegisterUniversityCommand on the API's own module (its command bus,
 * connection pool and outbox relay, without the HTTP server), and the matching worker's module consuming.
 */
export class Pipeline {
  private readonly commandBus: CommandBus;
  private readonly timings: EventTimings;

  private constructor(
    private readonly api: INestApplicationContext,
    private readonly worker: INestApplicationContext,
    private readonly db: pg.Pool,
  ) {
    this.commandBus = api.get(CommandBus);
    this.timings = new EventTimings(db, { outbox: 'outbox_events', inbox: 'inbox_events', consumer: CONSUMER }, 'pipeline');
  }

  static async start(settings: BenchSettings): Promise<Pipeline> {
    const worker = await NestFactory.createApplicationContext(BenchMatchingWorkerModule.forRoot(settings.worker), { logger: false });
    const api = await NestFactory.createApplicationContext(ApiModule.forRoot(settings.api), { logger: false });
    const db = new pg.Pool({ connectionString: settings.api.DATABASE_URL, max: 2, application_name: 'tpm-bench' });
    return new Pipeline(api, worker, db);
  }

  throughput(run: string, count: number, producers: number): Promise<Stages> {
    return this.timings.throughput(run, count, producers, this.register);
  }

  latency(run: string, count: number, perSecond: number): Promise<number[]> {
    return this.timings.latency(run, count, perSecond, this.register);
  }

  drainBacklog(run: string, count: number): Promise<number> {
    return this.timings.drainBacklog(run, count);
  }

  async close(): Promise<void> {
    await this.api.close();
    await this.worker.close();
    await this.db.end();
  }

  private readonly register = (name: string) =>
    this.commandBus.execute(new RegisterUniversityCommand({ name, shortName: 'BU', website: 'https://bench.example' }));
}
