import { Module } from '@nestjs/common';
import { PartnershipMembersController } from './members.controller.js';
import { PartnershipController } from './partnership.controller.js';
import { PartnershipSpecialismsController } from './specialisms.controller.js';

/** Running a partnership: members and leads, specialisms, settings, the audit trail. */
@Module({ controllers: [PartnershipController, PartnershipMembersController, PartnershipSpecialismsController] })
export class PartnershipModule {}
