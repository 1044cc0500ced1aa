import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { EventQueuesModule } from '#libs/events';
import { HealthController } from './health.controller.js';
import { RedisHealthIndicator } from './redis.health.js';

@Module({
  imports: [TerminusModule.forRoot({ logger: false }), EventQueuesModule],
  controllers: [HealthController],
  providers: [RedisHealthIndicator],
})
export class HealthModule {}
