import { Command } from '@nestjs/cqrs';
import type { DigestFrequency } from '#libs/mail-contract';
import type { DigestRunQueued } from '../../http/subscription.dto.js';

export class RequestDigestRunCommand extends Command<DigestRunQueued> {
  constructor(readonly frequency: DigestFrequency) {
    super();
  }
}
