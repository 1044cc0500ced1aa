import type { EntityManager } from 'typeorm';
import type { CareerStage } from '../domain/practitioner.js';
import type { PractitionerSummary } from '../http/practitioner-summary.dto.js';

/** The summaries of these practitioners by id, in one query; every field listed on purpose. */
export async function practitionerSummaries(manager: EntityManager, ids: string[]): Promise<Map<string, PractitionerSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await manager.query<
    { id: string; display_name: string; council_name: string | null; career_stage: CareerStage | null; peps_stage: number | null; specialisms: string[] | null }[]
  >(
    `SELECT u.id, u.display_name, c.name AS council_name, p.career_stage, p.peps_stage, p.specialisms
     FROM users u
     LEFT JOIN councils c ON c.id = u.council_id
     LEFT JOIN practitioner_profiles p ON p.user_id = u.id
     WHERE u.id = ANY ($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map(
    rows.map((row) => [
      row.id,
      { id: row.id, displayName: row.display_name, councilName: row.council_name, careerStage: row.career_stage, pepsStage: row.peps_stage, specialisms: row.specialisms ?? [] },
    ]),
  );
}
