import argon2 from 'argon2';
import pg from 'pg';
import { CAREER_STAGES, FIRST_NAMES, LAST_NAMES, pick, seededRandom, SPECIALISMS, yearsQualifiedFor } from './demo-catalogue.js';

/**
 * Practitioners in bulk, written straight to the database (hundreds of invitations through the API
 * would only slow the demo down). All sign in with the demo password. Returns how many were added.
 */
export async function seedPractitioners(databaseUrl: string, councils: Map<string, string>, perCouncil: number, password: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const passwordHash = await argon2.hash(password, { type: argon2.argon2id });
    const random = seededRandom(2026);
    let added = 0;
    for (const [councilName, councilId] of councils) {
      const domain = `${councilName.toLowerCase().replace(/[^a-z]+/g, '-')}.demo.example`;
      for (let n = 1; n <= perCouncil; n++) {
        const name = `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`;
        const stage = pick(random, CAREER_STAGES);
        const specialisms = [...new Set([pick(random, SPECIALISMS), pick(random, SPECIALISMS)])];
        const peps = stage === 'student' || stage === 'asye' ? 0 : Math.floor(random() * 3);
        const { rows } = await client.query<{ id: string }>(
          `INSERT INTO users (email, display_name, role, council_id, password_hash) VALUES ($1, $2, 'practitioner', $3, $4)
           ON CONFLICT ((lower(email))) DO NOTHING RETURNING id`,
          [`practitioner${n}@${domain}`, name, councilId, passwordHash],
        );
        if (rows.length === 0) continue;
        await client.query(
          `INSERT INTO practitioner_profiles (user_id, council_id, career_stage, peps_stage, years_qualified, specialisms, available_weekdays,
                                              unavailable_periods, preferred_formats, max_opportunities_per_term)
           VALUES ($1, $2, $3, $4, $5, $6, $7, '[]', $8, $9)`,
          [
            rows[0]!.id,
            councilId,
            stage,
            peps,
            yearsQualifiedFor(stage, random),
            specialisms,
            [1, 2, 3, 4, 5].filter(() => random() > 0.3),
            random() > 0.5 ? ['in_person', 'online'] : ['online'],
            1 + Math.floor(random() * 3),
          ],
        );
        added++;
      }
    }
    return added;
  } finally {
    await client.end();
  }
}
