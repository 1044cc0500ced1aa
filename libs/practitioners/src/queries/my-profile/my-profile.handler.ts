import { NotFoundException } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PractitionerProfileResponse } from '../../http/profile.dto.js';
import { toProfileResponse } from '../../http/profile.mapper.js';
import { PractitionerProfile } from '../../persistence/practitioner-profile.entity.js';
import { MyProfileQuery } from './my-profile.query.js';

@QueryHandler(MyProfileQuery)
export class MyProfileHandler implements IQueryHandler<MyProfileQuery> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ practitioner }: MyProfileQuery): Promise<PractitionerProfileResponse> {
    const profile = await this.dataSource.manager.findOneBy(PractitionerProfile, { userId: practitioner.id });
    if (!profile) throw new NotFoundException('No profile yet: save one with PUT /api/me/profile.');
    return toProfileResponse(profile);
  }
}
