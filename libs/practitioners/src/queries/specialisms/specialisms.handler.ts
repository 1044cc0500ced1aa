import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SpecialismResponse } from '../../http/profile.dto.js';
import { specialismsFor } from '../../persistence/specialisms.read.js';
import { SpecialismsQuery } from './specialisms.query.js';

@QueryHandler(SpecialismsQuery)
export class SpecialismsHandler implements IQueryHandler<SpecialismsQuery> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ caller }: SpecialismsQuery): Promise<SpecialismResponse[]> {
    return (await specialismsFor(this.dataSource.manager, caller)).map(({ code, label, partnershipId }) => ({ code, label, partnershipId }));
  }
}
