import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import createClient, { type Client } from 'openapi-fetch';
import type { paths, Schema } from '#libs/api-contract';
import { Correlation } from '#libs/observability';
import { type SignedInSession, signedInSession } from '../session/web-session.js';
import { WebConfig } from '../web.config.js';
import { ApiProblem, ApiUnavailable, SignInRequired } from './api-errors.js';

export type ApiClient = Client<paths>;
type Tokens = Schema<'TokenResponse'>;

const callers = new WeakMap<ApiClient, string>();

/** Whom a client calls as, for caches of what that person may see. */
export function callerOf(client: ApiClient): string | undefined {
  return callers.get(client);
}


/** The API over HTTP, typed from its OpenAPI document: as the signed-in person, or as nobody. */
@Injectable()
export class Api {
  private readonly anonymousClient: ApiClient;
  // A page's calls run in parallel: they share one refresh, since a refresh token works only once.
  private readonly refreshing = new WeakMap<FastifyRequest, Promise<SignedInSession>>();

  constructor(private readonly config: WebConfig) {
    this.anonymousClient = this.client();
  }

  anonymous(): ApiClient {
    return this.anonymousClient;
  }

  /** A client whose every call carries this request's person's token, refreshed when it is about to run out. */
  as(request: FastifyRequest): ApiClient {
    const client = this.client();
    const person = signedInSession(request)?.person.id;
    if (person) callers.set(client, person);
    client.use({
      onRequest: async ({ request: call }) => {
        const session = await this.freshSession(request);
        call.headers.set('authorization', `Bearer ${session.accessToken}`);
        return call;
      },
    });
    return client;
  }

  /** This request's person's access token, refreshed when it is about to run out, for calls the typed client cannot make. */
  async accessTokenOf(request: FastifyRequest): Promise<string> {
    return (await this.freshSession(request)).accessToken;
  }

  /** What a sign-in (or a refresh) answered, as the session keeps it. */
  sessionOf(tokens: Tokens, person: SignedInSession['person']): SignedInSession {
    return {
      accessToken: tokens.accessToken,
      accessExpiresAt: Date.now() + tokens.expiresIn * 1000,
      refreshToken: tokens.refreshToken,
      person,
    };
  }

  private async freshSession(request: FastifyRequest): Promise<SignedInSession> {
    const session = signedInSession(request);
    if (!session) throw new SignInRequired();
    // Refreshed a little before the access token runs out, so that no call meets an expired one.
    if (session.accessExpiresAt - Date.now() > this.config.TOKEN_REFRESH_MARGIN_SECONDS * 1000) return session;
    let refresh = this.refreshing.get(request);
    if (!refresh) {
      refresh = this.refreshed(request, session);
      this.refreshing.set(request, refresh);
    }
    return refresh;
  }

  private async refreshed(request: FastifyRequest, session: SignedInSession): Promise<SignedInSession> {
    if (!session.refreshToken) throw new SignInRequired();
    const refreshed = await this.anonymousClient.POST('/api/auth/refresh', { body: { refreshToken: session.refreshToken } });
    if (refreshed.response.status >= 500) throw new ApiUnavailable(refreshed.error);
    if (!refreshed.data) {
      request.session.set('auth', undefined);
      throw new SignInRequired();
    }
    const next = this.sessionOf(refreshed.data, session.person);
    request.session.set('auth', next);
    return next;
  }

  private client(): ApiClient {
    const timeout = this.config.API_TIMEOUT_MS;
    const client = createClient<paths>({
      baseUrl: this.config.API_URL,
      fetch: (call: Request) => fetch(call, { signal: AbortSignal.timeout(timeout) }).catch((error: unknown) => {
        throw new ApiUnavailable(error);
      }),
    });
    client.use({
      onRequest: ({ request: call }) => {
        const correlationId = Correlation.current();
        if (correlationId) call.headers.set('x-correlation-id', correlationId);
        return call;
      },
    });
    return client;
  }
}

/** The answer's body, or the API's problem thrown: an unavailable API (503) is the same as an unreachable one. */
export async function answer<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  if (response.status === 503) throw new ApiUnavailable(error);
  throw new ApiProblem(response.status, (error ?? {}) as ApiProblem['problem']);
}
