import { Command } from '@nestjs/cqrs';
import type { RegisterUniversityRequest, UniversityResponse } from '../../http/university.dto.js';

export class RegisterUniversityCommand extends Command<UniversityResponse> {
  constructor(
    readonly request: RegisterUniversityRequest,
    readonly actorId: string | null = null,
  ) {
    super();
  }
}
