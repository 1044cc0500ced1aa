import { Counter, Histogram, type Registry } from 'prom-client';
import { type ConsumerGroup, isEventType } from '#libs/events';
import { isUnreachableDependency } from '#libs/observability';
import type { InboxOutcome } from './inbox.js';

/** A job's name is its event type; anything else is one value, so a stray job adds no series. */
const typeOf = (jobName: string | undefined): string => (jobName && isEventType(jobName) ? jobName : 'unknown');

/**
 * Figures of one consumer group's event handling, by event type: how long each job took and how
 * it ended, and each failure, `final` when the job has used its attempts and stays in the failed set.
 * Without a registry (a module built in a test) they are kept but shown nowhere.
 */
export class EventMetrics {
  private readonly duration: Histogram<'group' | 'type' | 'outcome'>;
  private readonly failures: Counter<'group' | 'type' | 'final'>;

  constructor(
    private readonly group: ConsumerGroup,
    registry: Registry | undefined,
  ) {
    const registers = registry ? [registry] : [];
    this.duration = new Histogram({
      name: 'event_handling_duration_seconds',
      help: 'Time a worker took over an event job, by consumer group, event type and outcome (handled; duplicate, handled before; deferred by an outage; failed)',
      labelNames: ['group', 'type', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.failures = new Counter({
      name: 'event_failures_total',
      help: 'Event jobs that failed, by consumer group and event type; final="true" when no attempt is left and the job stays in the failed set',
      labelNames: ['group', 'type', 'final'],
      registers,
    });
  }

  /** Runs a job's work, timing it into the outcome it comes to. */
  async time(jobName: string, work: () => Promise<InboxOutcome>): Promise<InboxOutcome> {
    const end = this.duration.startTimer({ group: this.group, type: typeOf(jobName) });
    try {
      const outcome = await work();
      end({ outcome });
      return outcome;
    } catch (error) {
      end({ outcome: isUnreachableDependency(error) ? 'deferred' : 'failed' });
      throw error;
    }
  }

  failed(jobName: string | undefined, final: boolean): void {
    this.failures.inc({ group: this.group, type: typeOf(jobName), final: String(final) });
  }
}
