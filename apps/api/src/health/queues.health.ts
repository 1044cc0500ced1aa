import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { EventPublisher } from '#libs/events';

/** Whether the queues' store answers, and which it is (`redis` or `postgres`, QUEUE_BACKEND). */
@Injectable()
export class QueuesHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly publisher: EventPublisher,
  ) {}

  async isHealthy(key = 'queues') {
    const indicator = this.indicators.check(key);
    const backend = this.publisher.backend;
    try {
      await this.publisher.ping();
      return indicator.up({ backend });
    } catch (error) {
      return indicator.down({ backend, message: (error as Error).message });
    }
  }
}
