import type { FastifyReply, FastifyRequest } from 'fastify';
import { signedInSession } from '../session/web-session.js';
import { navigationFor } from './navigation.js';

const ASSET_PATH = /^\/(assets|vendor|public)\//;

/**
 * What every page's layout needs, for `reply.view` to merge in: the form token, who is signed in,
 * where we are, and a message left by the last step.
 */
export function pageLocals(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  if (ASSET_PATH.test(request.url)) return done();
  const flash = request.method === 'GET' ? request.session.get('flash') : undefined;
  if (flash) request.session.set('flash', undefined);
  const person = signedInSession(request)?.person;
  const currentPath = request.url.split('?')[0]!;
  reply.locals = {
    csrfToken: reply.generateCsrf(),
    person,
    // Pages shared with /manage (proposing a match) keep a lead's place in their decisions.
    navigation: navigationFor(person?.role, (request.query as { from?: unknown }).from === 'decisions' ? '/decisions' : currentPath),
    currentPath,
    flash,
  };
  done();
}
