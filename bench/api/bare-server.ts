import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { CAREER_STAGES } from '#libs/practitioners';

/**
 * The baseline: Fastify and pg alone, running the SQL the API's search runs for a practitioner
 * (the first page's count beside the page, then its sessions and places taken), with no framework,
 * validation, auth or mapping around it, and no prepared statements, as a hand-written server would.
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
    const where = `o.partnership_id = ANY($1) AND o.status = 'published' AND o.closes_at > now()
          AND NOT EXISTS (SELECT 1 FROM practitioner_profiles p WHERE p.user_id = $2 AND (
                array_position(CAST($3 AS text[]), p.career_stage) < array_position(CAST($3 AS text[]), o.minimum_career_stage)
                OR (o.peps_stage IS NOT NULL AND p.peps_stage < o.peps_stage)))
          AND (setweight(to_tsvector('english', o.title), 'A') || setweight(to_tsvector('english', o.description), 'B')) @@ websearch_to_tsquery('english', $4)
          AND o.type = $5`;
    const values = [partnerships, practitioner.id, [...CAREER_STAGES], request.query.q, request.query.type];
    // The first page's count alongside the page, as the API does.
    const [count, found] = await Promise.all([
      pool.query<{ total: number }>(`SELECT count(*)::int AS total FROM opportunities o WHERE ${where}`, values),
      pool.query<{ id: string }>(`SELECT o.* FROM opportunities o WHERE ${where} ORDER BY o.first_session_at ASC, o.id ASC LIMIT 21`, values),
    ]);
    const ids = found.rows.slice(0, 20).map((row) => row.id);
    const sessions = await pool.query('SELECT * FROM opportunity_sessions WHERE opportunity_id = ANY($1) ORDER BY starts_at', [ids]);
    const taken = await pool.query(
      `SELECT opportunity_id, count(*)::int AS approved FROM matches WHERE status = 'approved' AND opportunity_id = ANY ($1::uuid[]) GROUP BY opportunity_id`,
      [ids],
    );
    return { items: found.rows.slice(0, 20), total: count.rows[0]!.total, sessions: sessions.rows, taken: taken.rows };
  });
  const url = await server.listen({ port: 0, host: '127.0.0.1' });
  return { url, server, pool };
}
