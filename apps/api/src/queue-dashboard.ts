import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { JwtService } from '@nestjs/jwt';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { CONSUMER_GROUPS, createQueue, queueNameOf } from '#libs/events';
import { DIGEST_QUEUE } from '#libs/mail-contract';
import type { ApiConfig } from './api.config.js';

const PATH = '/api/admin/queues';
const COOKIE = 'tpm_queues';

/**
 * Bull Board for every queue at /api/admin/queues, admins only. A browser sends no bearer token,
 * so `?token=<access token>` once sets an HttpOnly cookie for this path; API clients may send the
 * header as usual. The user is read afresh on each request, as the API's guard does.
 */
export async function mountQueueDashboard(app: NestFastifyApplication, config: ApiConfig): Promise<void> {
  const queues = [...CONSUMER_GROUPS.map(queueNameOf), DIGEST_QUEUE].map((name) => createQueue(config, name, 'producer'));
  for (const queue of queues) queue.on('error', () => undefined);
  const board = new FastifyAdapter();
  board.setBasePath(PATH);
  createBullBoard({ queues: queues.map((queue) => new BullMQAdapter(queue as never)), serverAdapter: board });

  const problem = (reply: FastifyReply, status: number, title: string, detail: string) =>
    reply.code(status).type('application/problem+json').send({ type: 'about:blank', title, status, detail });

  const adminOnly = async (request: FastifyRequest, reply: FastifyReply) => {
    const query = request.query as { token?: string };
    if (query.token) {
      const cookie = `${COOKIE}=${encodeURIComponent(query.token)}; Path=${PATH}; HttpOnly; SameSite=Strict; Max-Age=${config.JWT_TTL_SECONDS}`;
      return reply.header('set-cookie', cookie).redirect(PATH);
    }
    const fromCookie = /(?:^|;\s*)tpm_queues=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
    const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1] ?? (fromCookie && decodeURIComponent(fromCookie));
    if (!token) return problem(reply, 401, 'Unauthorized', `Sign in, then open ${PATH}?token=<access token>.`);
    const claims = await app.get(JwtService, { strict: false }).verifyAsync<{ sub: string }>(token).catch(() => null);
    const [user] = claims
      ? await app.get(DataSource, { strict: false }).query<{ role: string }[]>(`SELECT role FROM users WHERE id = $1 AND password_hash IS NOT NULL`, [claims.sub])
      : [];
    if (!user) return problem(reply, 401, 'Unauthorized', 'The token is invalid or has expired; sign in again.');
    if (user.role !== 'admin') return problem(reply, 403, 'Forbidden', 'Only admins see the queues.');
  };

  await app.getHttpAdapter().getInstance().register(
    async (scope) => {
      scope.addHook('onRequest', adminOnly);
      await scope.register(board.registerPlugin() as never);
    },
    { prefix: PATH },
  );
  app.getHttpAdapter().getInstance().addHook('onClose', async () => {
    await Promise.all(queues.map((queue) => queue.close()));
  });
}
