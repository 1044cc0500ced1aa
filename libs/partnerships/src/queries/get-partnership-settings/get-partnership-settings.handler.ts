import { NotFoundException } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { canSeePartnership } from '#libs/identity';
import type { PartnershipSettings } from '../../http/partnership-settings.dto.js';
import { toPartnershipSettings } from '../../http/partnership.mapper.js';
import { Partnership } from '../../persistence/partnership.entity.js';
import { GetPartnershipSettingsQuery } from './get-partnership-settings.query.js';

@QueryHandler(GetPartnershipSettingsQuery)
export class GetPartnershipSettingsHandler implements IQueryHandler<GetPartnershipSettingsQuery> {
  constructor(@InjectRepository(Partnership) private readonly partnerships: Repository<Partnership>) {}

  async execute({ partnershipId, caller }: GetPartnershipSettingsQuery): Promise<PartnershipSettings> {
    const partnership = canSeePartnership(caller, partnershipId) ? await this.partnerships.findOneBy({ id: partnershipId }) : null;
    if (!partnership) throw new NotFoundException(`No partnership has id ${partnershipId}.`);
    return toPartnershipSettings(partnership);
  }
}
