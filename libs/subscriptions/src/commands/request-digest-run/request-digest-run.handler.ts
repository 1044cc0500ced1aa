import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { requestDigestRun } from '#libs/mail-contract';
import type { DigestRunQueued } from '../../http/subscription.dto.js';
import { DigestQueue } from './digest-queue.js';
import { RequestDigestRunCommand } from './request-digest-run.command.js';

/** A digest run due now, for the notification worker to send. */
@CommandHandler(RequestDigestRunCommand)
export class RequestDigestRunHandler implements ICommandHandler<RequestDigestRunCommand> {
  constructor(private readonly digests: DigestQueue) {}

  async execute({ frequency }: RequestDigestRunCommand): Promise<DigestRunQueued> {
    const job = await requestDigestRun(this.digests.queue, frequency);
    return { jobId: job.id! };
  }
}
