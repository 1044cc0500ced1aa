import { NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Partnership } from './partnership.entity.js';

/** The partnership, locked so changes to it happen one at a time; a 404 when there is none. */
export async function lockPartnership(transaction: EntityManager, id: string): Promise<Partnership> {
  const partnership = await transaction.findOne(Partnership, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!partnership) throw new NotFoundException(`No partnership has id ${id}.`);
  return partnership;
}
