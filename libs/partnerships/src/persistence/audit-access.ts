import { ForbiddenException, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Caller, canSeePartnership, isAdmin } from '#libs/identity';
import { Partnership } from './partnership.entity.js';

/** Only its leads and admins read a partnership's audit trail; one the caller cannot see is not found. */
export async function assertMayReadAudit(manager: EntityManager, partnershipId: string, caller: Caller): Promise<void> {
  if (!canSeePartnership(caller, partnershipId) || !(await manager.existsBy(Partnership, { id: partnershipId }))) {
    throw new NotFoundException(`No partnership has id ${partnershipId}.`);
  }
  if (!isAdmin(caller) && caller.role !== 'partnership_lead') throw new ForbiddenException("Only the partnership's leads read its audit trail.");
}
