import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { EventPublisher } from '#libs/events';

@Injectable()
export class RedisHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly publisher: EventPublisher,
  ) {}

  async isHealthy(key = 'redis') {
    const indicator = this.indicators.check(key);
    try {
      await this.publisher.ping();
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
