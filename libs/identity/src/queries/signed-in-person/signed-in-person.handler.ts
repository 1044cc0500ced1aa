import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { MeResponse } from '../../http/identity.dto.js';
import { User } from '../../persistence/user.entity.js';
import { SignedInPersonQuery } from './signed-in-person.query.js';

@QueryHandler(SignedInPersonQuery)
export class SignedInPersonHandler implements IQueryHandler<SignedInPersonQuery> {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  async execute({ caller }: SignedInPersonQuery): Promise<MeResponse> {
    const user = await this.users.findOneByOrFail({ id: caller.id });
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      universityId: user.universityId,
      councilId: user.councilId,
      partnershipIds: caller.partnershipIds,
    };
  }
}
