import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '#libs/events';
import { PartnershipDirectory, User } from '#libs/identity';
import { AddPartnershipMemberHandler } from './commands/add-partnership-member/add-partnership-member.handler.js';
import { AppointLeadHandler } from './commands/appoint-lead/appoint-lead.handler.js';
import { ChangePartnershipSettingsHandler } from './commands/change-partnership-settings/change-partnership-settings.handler.js';
import { FormPartnershipHandler } from './commands/form-partnership/form-partnership.handler.js';
import { RemoveLeadHandler } from './commands/remove-lead/remove-lead.handler.js';
import { RemovePartnershipMemberHandler } from './commands/remove-partnership-member/remove-partnership-member.handler.js';
import { PartnershipsController } from './http/partnerships.controller.js';
import { PublicPartnershipsController } from './http/public-partnerships.controller.js';
import { PartnershipLead } from './persistence/partnership-lead.entity.js';
import { PartnershipMember } from './persistence/partnership-member.entity.js';
import { Partnership } from './persistence/partnership.entity.js';
import { SqlPartnershipDirectory } from './persistence/sql-partnership-directory.js';
import { FindPartnershipsHandler } from './queries/find-partnerships/find-partnerships.handler.js';
import { FindPublicPartnershipsHandler } from './queries/find-public-partnerships/find-public-partnerships.handler.js';
import { GetAuditPeopleHandler } from './queries/get-audit-people/get-audit-people.handler.js';
import { GetAuditTrailHandler } from './queries/get-audit-trail/get-audit-trail.handler.js';
import { GetPartnershipSettingsHandler } from './queries/get-partnership-settings/get-partnership-settings.handler.js';
import { GetPartnershipHandler } from './queries/get-partnership/get-partnership.handler.js';
import { GetPublicPartnershipHandler } from './queries/get-public-partnership/get-public-partnership.handler.js';

@Module({
  imports: [TypeOrmModule.forFeature([Partnership, PartnershipMember, PartnershipLead, User]), OutboxModule],
  controllers: [PartnershipsController, PublicPartnershipsController],
  providers: [
    FormPartnershipHandler,
    AddPartnershipMemberHandler,
    RemovePartnershipMemberHandler,
    AppointLeadHandler,
    RemoveLeadHandler,
    ChangePartnershipSettingsHandler,
    FindPartnershipsHandler,
    GetPartnershipHandler,
    FindPublicPartnershipsHandler,
    GetPublicPartnershipHandler,
    GetAuditTrailHandler,
    GetAuditPeopleHandler,
    GetPartnershipSettingsHandler,
    { provide: PartnershipDirectory, useClass: SqlPartnershipDirectory },
  ],
  exports: [PartnershipDirectory],
})
export class PartnershipsModule {}
