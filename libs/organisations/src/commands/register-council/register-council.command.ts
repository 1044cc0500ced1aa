import { Command } from '@nestjs/cqrs';
import type { CouncilResponse, RegisterCouncilRequest } from '../../http/council.dto.js';

export class RegisterCouncilCommand extends Command<CouncilResponse> {
  constructor(
    readonly request: RegisterCouncilRequest,
    readonly actorId: string | null = null,
  ) {
    super();
  }
}
