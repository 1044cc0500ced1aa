import { NotFoundException } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { PublicPartnershipResponse } from '../../http/partnership.dto.js';
import { toPublicPartnershipResponse } from '../../http/partnership.mapper.js';
import { detailOf } from '../../persistence/partnership-details.js';
import { Partnership } from '../../persistence/partnership.entity.js';
import { GetPublicPartnershipQuery } from './get-public-partnership.query.js';

@QueryHandler(GetPublicPartnershipQuery)
export class GetPublicPartnershipHandler implements IQueryHandler<GetPublicPartnershipQuery> {
  constructor(@InjectRepository(Partnership) private readonly partnerships: Repository<Partnership>) {}

  async execute({ id }: GetPublicPartnershipQuery): Promise<PublicPartnershipResponse> {
    // One that does not list publicly is as unknown as one that does not exist.
    const partnership = await this.partnerships.findOneBy({ id, listsPublicly: true });
    if (!partnership) throw new NotFoundException(`No partnership with id ${id} lists publicly.`);
    return toPublicPartnershipResponse(await detailOf(this.partnerships.manager, partnership));
  }
}
