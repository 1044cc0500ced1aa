import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { EventQueuesModule } from '#libs/events';
import { HealthController } from './health.controller.js';
import { QueuesHealthIndicator } from './queues.health.js';

@Module({
  imports: [TerminusModule.forRoot({ logger: false }), EventQueuesModule],
  controllers: [HealthController],
  providers: [QueuesHealthIndicator],
})
export class HealthModule {}
