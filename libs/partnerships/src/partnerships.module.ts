import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '#libs/events';
import { AddPartnershipMemberHandler, RemovePartnershipMemberHandler } from './change-partnership-members.handler.js';
import { FormPartnershipHandler } from './form-partnership.handler.js';
import { PartnershipMember } from './partnership-member.entity.js';
import { Partnership } from './partnership.entity.js';
import { FindPartnershipsHandler, GetPartnershipHandler } from './partnership.query-handlers.js';
import { PartnershipsController } from './partnerships.controller.js';

@Module({
  imports: [TypeOrmModule.forFeature([Partnership, PartnershipMember]), OutboxModule],
  controllers: [PartnershipsController],
  providers: [FormPartnershipHandler, AddPartnershipMemberHandler, RemovePartnershipMemberHandler, FindPartnershipsHandler, GetPartnershipHandler],
})
export class PartnershipsModule {}
