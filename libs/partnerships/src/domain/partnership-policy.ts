import type { EntityManager } from 'typeorm';
import { Partnership } from '../persistence/partnership.entity.js';

/** Whether the partnership lets its host academics propose matches; false for one that does not exist. */
export async function academicsMayProposeMatches(manager: EntityManager, partnershipId: string): Promise<boolean> {
  const partnership = await manager.findOne(Partnership, { where: { id: partnershipId }, select: { id: true, academicsMayProposeMatches: true } });
  return partnership?.academicsMayProposeMatches ?? false;
}

/** Whether the partnership lists its open opportunities for anyone to see; false for one that does not exist. */
export async function listsPublicly(manager: EntityManager, partnershipId: string): Promise<boolean> {
  return manager.existsBy(Partnership, { id: partnershipId, listsPublicly: true });
}
