import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import { CoreConfig } from '#libs/config';
import { producerConnection } from '#libs/events';
import { DIGEST_QUEUE } from '#libs/mail-contract';

/** The notification worker's digest queue, which the API only adds runs to. */
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
