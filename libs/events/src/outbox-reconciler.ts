import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CoreConfig } from '#libs/config';
import { CONSUMER_GROUPS, CONSUMER_SUBSCRIPTIONS, type ConsumerGroup } from './consumer-groups.js';
import { EventPublisher } from './event-publisher.js';
import { OutboxEventRow } from './outbox-event.entity.js';
import { envelopeOf } from './outbox.js';

// Completed jobs stay on their queue a day, and the inbox remembers every handled event: looking
// further back than that would only find what was handled and already forgotten by the queue.
const WINDOW_HOURS = 24;
const MOST_A_PASS = 500;

/**
 * Delivery must not depend on Redis keeping its data. Outbox against inbox: an event dispatched a
 * while ago that a subscribing group has not handled, and whose job its queue no longer holds, is
 * put on that group's queue again. A job still waiting, retrying or failed is left where it is.
 */
@Injectable()
export class OutboxReconciler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxReconciler.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    private readonly config: CoreConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.reconcile()
        .then(() => undefined)
        .catch((error: Error) => this.logger.warn(`Reconciling the outbox failed: ${error.message}`))
        .finally(() => (this.running = undefined));
    }, this.config.OUTBOX_RECONCILE_INTERVAL_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass over every group; answers how many events each had to be given again. */
  async reconcile(): Promise<Partial<Record<ConsumerGroup, number>>> {
    const given: Partial<Record<ConsumerGroup, number>> = {};
    for (const group of CONSUMER_GROUPS) {
      const unhandled = await this.unhandled(group);
      if (unhandled.length === 0) continue;
      const lost = new Set(await this.publisher.withoutJobs(group, unhandled.map((row) => row.id)));
      const events = unhandled.filter((row) => lost.has(row.id)).map(envelopeOf);
      if (events.length === 0) continue;
      await this.publisher.republish(group, events);
      given[group] = events.length;
      this.logger.warn(`${events.length} events dispatched to ${group} were no longer on its queue (Redis lost them): enqueued again`);
    }
    return given;
  }

  private unhandled(group: ConsumerGroup): Promise<OutboxEventRow[]> {
    return this.dataSource.manager
      .createQueryBuilder(OutboxEventRow, 'event')
      .where('event.dispatched_at < now() - make_interval(secs => :after)', { after: this.config.OUTBOX_RECONCILE_AFTER_SECONDS })
      .andWhere(`event.dispatched_at > now() - make_interval(hours => ${WINDOW_HOURS})`)
      .andWhere('event.type = ANY(:types)', { types: [...CONSUMER_SUBSCRIPTIONS[group]] })
      .andWhere('NOT EXISTS (SELECT 1 FROM inbox_events inbox WHERE inbox.consumer = :group AND inbox.event_id = event.id)', { group })
      .orderBy('event.dispatched_at')
      .limit(MOST_A_PASS)
      .getMany();
  }
}
