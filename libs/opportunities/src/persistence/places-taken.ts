import type { EntityManager } from 'typeorm';
import { PREPARED_SQL } from '#libs/database';

/**
 * The places taken of each opportunity given (zero included): its approved matches. Read straight
 * from the matches table: that context builds on this one, not the other way round.
 */
export async function placesTaken(manager: EntityManager, opportunityIds: string[]): Promise<Map<string, number>> {
  const taken = new Map(opportunityIds.map((id) => [id, 0]));
  if (opportunityIds.length === 0) return taken;
  const rows = await manager.query<{ opportunity_id: string; approved: number }[]>(
    `${PREPARED_SQL}SELECT opportunity_id, count(*)::int AS approved FROM matches WHERE status = 'approved' AND opportunity_id = ANY ($1::uuid[]) GROUP BY opportunity_id`,
    [opportunityIds],
  );
  for (const row of rows) taken.set(row.opportunity_id, row.approved);
  return taken;
}

export async function placesTakenOf(manager: EntityManager, opportunityId: string): Promise<number> {
  return (await placesTaken(manager, [opportunityId])).get(opportunityId)!;
}
