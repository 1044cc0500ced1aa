// reply.view, which @fastify/view adds, typed for every file of the web; and reply.locals, which it
// merges into every view but leaves untyped.
import type {} from "@fastify/view";
import 'fastify';

declare module 'fastify' {
  interface FastifyReply {
    locals: Record<string, unknown> | null;
  }
}
