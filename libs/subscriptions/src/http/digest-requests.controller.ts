import { Controller, HttpCode, Injectable, type OnModuleDestroy, Param, ParseEnumPipe, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Queue } from 'bullmq';
import { CoreConfig } from '#libs/config';
import { producerConnection } from '#libs/events';
import { ApiProblems } from '#libs/http';
import { ApiSignedIn, Roles } from '#libs/identity';
import { DigestRunQueued } from './subscription.dto.js';
import { DIGEST_FREQUENCIES, DIGEST_QUEUE, type DigestFrequency, requestDigestRun } from '#libs/mail-contract';

@Injectable()
export class DigestQueue implements OnModuleDestroy {
  readonly queue: Queue;

  constructor(config: CoreConfig) {
    this.queue = new Queue(DIGEST_QUEUE, { connection: producerConnection(config.REDIS_URL), prefix: config.QUEUE_PREFIX });
    this.queue.on('error', () => undefined);
  }

  onModuleDestroy(): Promise<void> {
    return this.queue.close();
  }
}

@ApiTags('subscriptions')
@ApiSignedIn()
@Controller('admin/digests')
export class DigestRequestsController {
  constructor(private readonly digests: DigestQueue) {}

  @Post(':frequency')
  @Roles('admin')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Run the daily or weekly digest now',
    description: 'Each confirmed subscriber still gets at most one digest per period (a day, or a week from Monday), whatever runs.',
  })
  @ApiParam({ name: 'frequency', schema: { type: 'string', enum: [...DIGEST_FREQUENCIES], example: 'daily' }, example: 'daily' })
  @ApiAcceptedResponse({ description: 'The run is queued for the notification worker.', type: DigestRunQueued })
  @ApiProblems(400, 403)
  async run(@Param('frequency', new ParseEnumPipe(Object.fromEntries(DIGEST_FREQUENCIES.map((f) => [f, f])))) frequency: DigestFrequency): Promise<DigestRunQueued> {
    const job = await requestDigestRun(this.digests.queue, frequency);
    return { jobId: job.id! };
  }
}
