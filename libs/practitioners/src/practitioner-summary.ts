import { ApiProperty } from '@nestjs/swagger';
import type { EntityManager } from 'typeorm';
import { CAREER_STAGES, type CareerStage } from './practitioner.js';

/** Who a practitioner is, as an opportunity's hosts and leads see them in its applications and matches. */
export class PractitionerSummary {
  @ApiProperty({ example: 'd1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6', format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Sam Taylor' })
  displayName: string;

  @ApiProperty({ example: 'Norfolk County Council', nullable: true, type: String, description: 'Null if they no longer work for a council.' })
  councilName: string | null;

  @ApiProperty({ example: 'senior_practitioner', enum: CAREER_STAGES, nullable: true, type: String, description: 'Null until they complete their profile.' })
  careerStage: CareerStage | null;

  @ApiProperty({ example: 1, nullable: true, type: Number, description: 'PEPS stage: 0 none, 1 or 2; null until they complete their profile.' })
  pepsStage: number | null;

  @ApiProperty({ example: ['child_protection'], type: [String], description: 'Empty until they complete their profile.' })
  specialisms: string[];
}

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
