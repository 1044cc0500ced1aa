import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { CAREER_STAGES } from '#libs/practitioners';

/**
 * The baseline: Fastify and pg alone, running the SQL the API's search runs for a practitioner
 * (the search, then the page's sessions), with no framework, validation, auth or mapping around it.
 */
export async function startBareServer(databaseUrl: string, practitionerEmail: string): Promise<{ url: string; server: FastifyInstance; pool: pg.Pool }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  // The run drops its database WITH (FORCE) at the end; a connection ended that way is not a failure.
  pool.on('error', () => undefined);
  const { rows } = await pool.query<{ id: string; council_id: string }>('SELECT id, council_id FROM users WHERE email = $1', [practitionerEmail]);
  const practitioner = rows[0]!;
  const partnerships = (await pool.query<{ partnership_id: string }>('SELECT partnership_id FROM partnership_members WHERE council_id = $1', [practitioner.council_id])).rows.map(
    (row) => row.partnership_id,
  );
  const server = Fastify();
  server.get<{ Querystring: { type: string; q: string } }>('/opportunities', async (request) => {
    const found = await pool.query(
      `SELECT o.* FROM opportunities o
        WHERE o.partnership_id = ANY($1) AND o.status = 'published' AND o.closes_at > now()
          AND NOT EXISTS (SELECT 1 FROM practitioner_profiles p WHERE p.user_id = $2 AND (
                array_position(CAST($3 AS text[]), p.career_stage) < array_position(CAST($3 AS text[]), o.minimum_career_stage)
                OR (o.peps_stage IS NOT NULL AND p.peps_stage < o.peps_stage)))
          AND (setweight(to_tsvector('english', o.title), 'A') || setweight(to_tsvector('english', o.description), 'B')) @@ websearch_to_tsquery('english', $4)
          AND o.type = $5
        ORDER BY o.first_session_at ASC, o.id ASC
        LIMIT 21`,
      [partnerships, practitioner.id, [...CAREER_STAGES], request.query.q, request.query.type],
    );
    const ids = found.rows.slice(0, 20).map((row: { id: string }) => row.id);
    const sessions = await pool.query('SELECT * FROM opportunity_sessions WHERE opportunity_id = ANY($1) ORDER BY starts_at', [ids]);
    return { items: found.rows.slice(0, 20), sessions: sessions.rows };
  });
  const url = await server.listen({ port: 0, host: '127.0.0.1' });
  return { url, server, pool };
}
