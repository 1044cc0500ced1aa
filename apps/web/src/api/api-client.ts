import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import createClient, { type Client } from 'openapi-fetch';
import type { paths, Schema } from '#libs/api-contract';
import { Correlation } from '#libs/observability';
import { type SignedInSession, signedInSession } from '../session/web-session.js';
import { WebConfig } from '../web.config.js';
import { ApiProblem, ApiUnavailable, SignInRequired } from './api-errors.js';
import { ApiTransport } from './api-transport.js';

export type ApiClient = Client<paths>;
type Tokens = Schema<'TokenResponse'>;

const callers = new WeakMap<ApiClient, string>();

// How long a refresh's answer is kept for calls that still carry the token it replaced.
const REFRESH_KEPT_MS = 30_000;

/** Whom a client calls as, for caches of what that person may see. */
export function callerOf(client: ApiClient): string | undefined {
  return callers.get(client);
}


/** The API over HTTP, typed from its OpenAPI document: as the signed-in person, or as nobody. */
@Injectable()
export class Api implements OnApplicationShutdown {
  private readonly transport: ApiTransport;
  private readonly anonymousClient: ApiClient;
  /**
   * A refresh token works once, and using it again ends the whole sign-in. Calls that carry the same
   * one (a page's parallel calls, or two tabs sending the same cookie at once) share one refresh,
   * by the token it spends; its answer is kept a little while for the ones that come just after.
   */
  private readonly refreshes = new Map<string, Promise<Tokens | null>>();

  constructor(private readonly config: WebConfig) {
    this.transport = new ApiTransport(config.API_TIMEOUT_MS);
    this.anonymousClient = this.client();
  }

  onApplicationShutdown(): Promise<void> {
    return this.transport.close();
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
    if (!session.refreshToken) throw new SignInRequired();
    const tokens = await this.refreshOnce(session.refreshToken);
    if (!tokens) {
      request.session.set('auth', undefined);
      throw new SignInRequired();
    }
    const next = this.sessionOf(tokens, session.person);
    request.session.set('auth', next);
    return next;
  }

  /** The tokens that replace `refreshToken`, or null when the API no longer takes it. */
  private refreshOnce(refreshToken: string): Promise<Tokens | null> {
    const known = this.refreshes.get(refreshToken);
    if (known) return known;
    const refresh = this.anonymousClient.POST('/api/auth/refresh', { body: { refreshToken } }).then((refreshed) => {
      if (refreshed.response.status >= 500) throw new ApiUnavailable(refreshed.error);
      return refreshed.data ?? null;
    });
    this.refreshes.set(refreshToken, refresh);
    // An API that could not answer is asked again by the next call; an answer is kept a while.
    refresh.then(
      () => setTimeout(() => this.refreshes.delete(refreshToken), REFRESH_KEPT_MS).unref(),
      () => this.refreshes.delete(refreshToken),
    );
    return refresh;
  }

  private client(): ApiClient {
    const client = createClient<paths>({
      baseUrl: this.config.API_URL,
      fetch: (call: Request) =>
        this.transport.send(call).catch((error: unknown) => {
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
  throw new ApiProblem(response.status, error ?? {});
}
