import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { CoreConfig } from '#libs/config';
import { createQueue } from '#libs/events';
import { DIGEST_QUEUE } from '#libs/mail-contract';

/** The notification worker's digest queue, which the API only adds runs to. */
@Injectable()
export class DigestQueue implements OnModuleDestroy {
  readonly queue: Queue;

  constructor(config: CoreConfig) {
    this.queue = createQueue(config, DIGEST_QUEUE, 'producer');
    this.queue.on('error', () => undefined);
  }

  onModuleDestroy(): Promise<void> {
    return this.queue.close();
  }
}
