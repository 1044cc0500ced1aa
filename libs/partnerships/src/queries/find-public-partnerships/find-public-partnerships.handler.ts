import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { type Page, pageByName } from '#libs/http';
import type { PublicPartnershipResponse } from '../../http/partnership.dto.js';
import { toPublicPartnershipResponse } from '../../http/partnership.mapper.js';
import { detailsOf } from '../../persistence/partnership-details.js';
import { Partnership } from '../../persistence/partnership.entity.js';
import { FindPublicPartnershipsQuery } from './find-public-partnerships.query.js';

@QueryHandler(FindPublicPartnershipsQuery)
export class FindPublicPartnershipsHandler implements IQueryHandler<FindPublicPartnershipsQuery> {
  constructor(@InjectRepository(Partnership) private readonly partnerships: Repository<Partnership>) {}

  async execute({ params }: FindPublicPartnershipsQuery): Promise<Page<PublicPartnershipResponse>> {
    const query = this.partnerships.createQueryBuilder('partnership').where('partnership.listsPublicly');
    const page = await pageByName(query, params, (partnership) => partnership);
    return { ...page, items: (await detailsOf(this.partnerships.manager, page.items)).map(toPublicPartnershipResponse) };
  }
}
