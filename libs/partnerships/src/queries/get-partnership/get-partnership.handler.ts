import { NotFoundException } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { canSeePartnership } from '#libs/identity';
import type { PartnershipResponse } from '../../http/partnership.dto.js';
import { detailOf } from '../../persistence/partnership-details.js';
import { Partnership } from '../../persistence/partnership.entity.js';
import { GetPartnershipQuery } from './get-partnership.query.js';

@QueryHandler(GetPartnershipQuery)
export class GetPartnershipHandler implements IQueryHandler<GetPartnershipQuery> {
  constructor(@InjectRepository(Partnership) private readonly partnerships: Repository<Partnership>) {}

  async execute({ id, caller }: GetPartnershipQuery): Promise<PartnershipResponse> {
    const partnership = canSeePartnership(caller, id) ? await this.partnerships.findOneBy({ id }) : null;
    if (!partnership) throw new NotFoundException(`No partnership has id ${id}.`);
    return detailOf(this.partnerships.manager, partnership);
  }
}
