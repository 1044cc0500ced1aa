import { NotFoundException } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { type Page, pageByName } from '#libs/http';
import { canSeePartnership, isAdmin } from '#libs/identity';
import { Partnership } from './persistence/partnership.entity.js';
import type { PartnershipResponse, PublicPartnershipResponse } from './http/partnership.dto.js';
import { FindPartnershipsQuery, FindPublicPartnershipsQuery, GetPartnershipQuery, GetPublicPartnershipQuery } from './partnership.queries.js';
import { detailOf, detailsOf } from './persistence/partnership-details.js';

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

@QueryHandler(GetPartnershipQuery)
export class GetPartnershipHandler implements IQueryHandler<GetPartnershipQuery> {
  constructor(@InjectRepository(Partnership) private readonly partnerships: Repository<Partnership>) {}

  async execute({ id, caller }: GetPartnershipQuery): Promise<PartnershipResponse> {
    const partnership = canSeePartnership(caller, id) ? await this.partnerships.findOneBy({ id }) : null;
    if (!partnership) throw new NotFoundException(`No partnership has id ${id}.`);
    return detailOf(this.partnerships.manager, partnership);
  }
}

/** A partnership as anyone may read it: only one that lists publicly, without its leads. */
function publicly({ leads: _leads, ...partnership }: PartnershipResponse): PublicPartnershipResponse {
  return partnership;
}

@QueryHandler(FindPublicPartnershipsQuery)
export class FindPublicPartnershipsHandler implements IQueryHandler<FindPublicPartnershipsQuery> {
  constructor(@InjectRepository(Partnership) private readonly partnerships: Repository<Partnership>) {}

  async execute({ params }: FindPublicPartnershipsQuery): Promise<Page<PublicPartnershipResponse>> {
    const query = this.partnerships.createQueryBuilder('partnership').where('partnership.listsPublicly');
    const page = await pageByName(query, params, (partnership) => partnership);
    return { ...page, items: (await detailsOf(this.partnerships.manager, page.items)).map(publicly) };
  }
}

@QueryHandler(GetPublicPartnershipQuery)
export class GetPublicPartnershipHandler implements IQueryHandler<GetPublicPartnershipQuery> {
  constructor(@InjectRepository(Partnership) private readonly partnerships: Repository<Partnership>) {}

  async execute({ id }: GetPublicPartnershipQuery): Promise<PublicPartnershipResponse> {
    // One that does not list publicly is as unknown as one that does not exist.
    const partnership = await this.partnerships.findOneBy({ id, listsPublicly: true });
    if (!partnership) throw new NotFoundException(`No partnership with id ${id} lists publicly.`);
    return publicly(await detailOf(this.partnerships.manager, partnership));
  }
}
