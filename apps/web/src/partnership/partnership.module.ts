import { Module } from '@nestjs/common';
import { PartnershipController } from './partnership.controller.js';

/** Running a partnership: members and leads, settings, the audit trail. */
@Module({ controllers: [PartnershipController] })
export class PartnershipModule {}
