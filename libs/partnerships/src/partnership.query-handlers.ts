import { NotFoundException } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { type Page, pageByName } from '#libs/http';
import { membersOf } from './partnership-members.read.js';
import { Partnership } from './partnership.entity.js';
import type { PartnershipResponse } from './partnership.dto.js';
import { toPartnershipResponse } from './partnership.mapper.js';
import { FindPartnershipsQuery, GetPartnershipQuery } from './partnership.queries.js';

@QueryHandler(FindPartnershipsQuery)
export class FindPartnershipsHandler implements IQueryHandler<FindPartnershipsQuery> {
  constructor(@InjectRepository(Partnership) private readonly partnerships: Repository<Partnership>) {}

  async execute({ params }: FindPartnershipsQuery): Promise<Page<PartnershipResponse>> {
    const query = this.partnerships.createQueryBuilder('partnership');
    if (params.organisationId) {
      query.andWhere(
        `EXISTS (SELECT 1 FROM partnership_members m WHERE m.partnership_id = partnership.id
                   AND (m.university_id = :organisationId OR m.council_id = :organisationId))`,
        { organisationId: params.organisationId },
      );
    }
    const page = await pageByName(query, params, (partnership) => partnership);
    const members = await membersOf(this.partnerships.manager, page.items.map((p) => p.id));
    return { ...page, items: page.items.map((p) => toPartnershipResponse(p, members.get(p.id)!)) };
  }
}

@QueryHandler(GetPartnershipQuery)
export class GetPartnershipHandler implements IQueryHandler<GetPartnershipQuery> {
  constructor(@InjectRepository(Partnership) private readonly partnerships: Repository<Partnership>) {}

  async execute({ id }: GetPartnershipQuery): Promise<PartnershipResponse> {
    const partnership = await this.partnerships.findOneBy({ id });
    if (!partnership) throw new NotFoundException(`No partnership has id ${id}.`);
    const members = await membersOf(this.partnerships.manager, [id]);
    return toPartnershipResponse(partnership, members.get(id)!);
  }
}
