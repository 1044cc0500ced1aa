import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { type Page, pageByName } from '#libs/http';
import { isAdmin } from '#libs/identity';
import type { PartnershipResponse } from '../../http/partnership.dto.js';
import { detailsOf } from '../../persistence/partnership-details.js';
import { Partnership } from '../../persistence/partnership.entity.js';
import { FindPartnershipsQuery } from './find-partnerships.query.js';

@QueryHandler(FindPartnershipsQuery)
export class FindPartnershipsHandler implements IQueryHandler<FindPartnershipsQuery> {
  constructor(@InjectRepository(Partnership) private readonly partnerships: Repository<Partnership>) {}

  async execute({ params, caller }: FindPartnershipsQuery): Promise<Page<PartnershipResponse>> {
    const query = this.partnerships.createQueryBuilder('partnership');
    if (!isAdmin(caller)) query.andWhere('partnership.id = ANY(:visible)', { visible: caller.partnershipIds });
    if (params.organisationId) {
      query.andWhere(
        `EXISTS (SELECT 1 FROM partnership_members m WHERE m.partnership_id = partnership.id
                   AND (m.university_id = :organisationId OR m.council_id = :organisationId))`,
        { organisationId: params.organisationId },
      );
    }
    const page = await pageByName(query, params, (partnership) => partnership);
    return { ...page, items: await detailsOf(this.partnerships.manager, page.items) };
  }
}
