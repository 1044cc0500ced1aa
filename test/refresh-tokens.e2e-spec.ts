import { createHash, randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type supertest from 'supertest';
import { councilRequest, eventually } from '#libs/testing';
import { PASSWORD, personWith } from './support/people.js';
import { TestStack } from './support/test-stack.js';

interface Tokens {
  accessToken: string;
  tokenType: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
}

const ADMIN = { email: 'admin@example.org', password: 'development-admin-password' };

describe('refresh tokens', () => {
  let stack: TestStack;
  let app: NestFastifyApplication;
  let admin: Awaited<ReturnType<TestStack['startApi']>>['http'];
  let anonymous: ReturnType<typeof supertest>;

  beforeAll(async () => {
    // Signing in is most of what this file does: not the sign-in limit's business.
    stack = await TestStack.create({ LOGIN_ATTEMPTS_PER_MINUTE: 1000 });
    ({ app, http: admin, anonymous } = await stack.startApi({ OUTBOX_RELAY: 'false' }));
  });
  afterAll(() => stack.close());

  const login = async (who: { email: string; password: string } = ADMIN, client = anonymous): Promise<Tokens> =>
    (await client.post('/api/auth/login').send(who).expect(200)).body;
  const refresh = (refreshToken: string, client = anonymous) => client.post('/api/auth/refresh').send({ refreshToken });
  const refreshed = async (refreshToken: string): Promise<Tokens> => (await refresh(refreshToken).expect(200)).body;
  const logout = (refreshToken: string) => anonymous.post('/api/auth/logout').send({ refreshToken });
  const me = (tokens: Tokens) => anonymous.get('/api/me').set('authorization', `Bearer ${tokens.accessToken}`);
  const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

  /**
   * Runs `revoke` while a refresh of `refreshToken` is half done (its row locked, its successor added,
   * not yet committed), and answers the successor's hash: a revocation that started meanwhile must
   * still catch it.
   */
  const duringRefresh = async (refreshToken: string, revoke: () => Promise<unknown>): Promise<string> => {
    const successor = sha256(randomBytes(32).toString('base64url'));
    const refreshing = await stack.db.connect();
    try {
      await refreshing.query('BEGIN');
      const { rows } = await refreshing.query(`SELECT id FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE`, [sha256(refreshToken)]);
      await refreshing.query(
        `INSERT INTO refresh_tokens (family_id, user_id, token_hash, expires_at, family_expires_at)
         SELECT family_id, user_id, $2, expires_at, family_expires_at FROM refresh_tokens WHERE id = $1`,
        [rows[0].id, successor],
      );
      await refreshing.query(`UPDATE refresh_tokens SET used_at = now() WHERE id = $1`, [rows[0].id]);
      // Awaited (so sent) now, while the row is still held.
      const revoking = (async () => await revoke())();
      await eventually(async () => {
        const [{ waiting }] = (await stack.query<{ waiting: number }>(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        )) as [{ waiting: number }];
        return waiting > 0;
      });
      await refreshing.query('COMMIT');
      await revoking;
    } finally {
      // Destroyed rather than returned to the pool, in case it failed mid-transaction.
      refreshing.release(true);
    }
    return successor;
  };
  const isRevoked = async (tokenHash: string) => {
    const [row] = await stack.query<{ revoked: boolean }>(`SELECT revoked_at IS NOT NULL AS revoked FROM refresh_tokens WHERE token_hash = $1`, [tokenHash]);
    return row!.revoked;
  };

  it('comes with every sign-in: opaque, random, and lasting REFRESH_TOKEN_TTL_SECONDS', async () => {
    const first = await login();
    const second = await login();
    expect(first).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 900, refreshToken: expect.any(String), refreshExpiresIn: 8 * 3600 });
    // 32 bytes as base64url, not a JWT (no dots), different every time.
    expect(first.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second.refreshToken).not.toBe(first.refreshToken);
  });

  it('comes with accepting an invitation too', async () => {
    const invited = await admin.post('/api/invitations').send({ email: 'accepting@example.org', displayName: 'Accepting', role: 'partnership_lead' }).expect(201);
    const accepted: Tokens = (await anonymous.post('/api/invitations/accept').send({ token: invited.body.invitationToken, password: PASSWORD }).expect(200)).body;
    expect(accepted.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await me(await refreshed(accepted.refreshToken)).expect(200);
  });

  it('is stored as its hash only', async () => {
    const { refreshToken } = await login();
    const rows = await stack.query<{ token_hash: string; row: string }>(`SELECT token_hash, row_to_json(r)::text AS row FROM refresh_tokens r WHERE token_hash = $1`, [
      sha256(refreshToken),
    ]);
    expect(rows).toHaveLength(1);
    const [{ n }] = (await stack.query<{ n: number }>(`SELECT count(*)::int AS n FROM refresh_tokens r WHERE strpos(row_to_json(r)::text, $1) > 0`, [refreshToken])) as [
      { n: number },
    ];
    expect(n).toBe(0);
  });

  it('answers a working access token and a new refresh token, and works once', async () => {
    const signedIn = await login();
    const next = await refreshed(signedIn.refreshToken);
    expect(next).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 900, refreshToken: expect.any(String), refreshExpiresIn: expect.any(Number) });
    expect(next.refreshToken).not.toBe(signedIn.refreshToken);
    expect(next.refreshExpiresIn).toBeGreaterThan(8 * 3600 - 5);
    expect(next.refreshExpiresIn).toBeLessThanOrEqual(8 * 3600);
    expect((await me(next).expect(200)).body.email).toBe(ADMIN.email);
    // No bearer token needed, and one does not stand in for the refresh token.
    await refresh(next.refreshToken, admin).expect(200);
  });

  it('takes a used token presented again as a stolen copy: revokes the whole sign-in, newest token included', async () => {
    const signedIn = await login();
    const second = await refreshed(signedIn.refreshToken);
    const third = await refreshed(second.refreshToken);
    const reuse = await refresh(signedIn.refreshToken).expect(401);
    expect(reuse.headers['content-type']).toContain('application/problem+json');
    expect(reuse.body).toMatchObject({ status: 401, title: 'Unauthorized' });
    await refresh(third.refreshToken).expect(401);
    // Another sign-in of the same person is untouched.
    const elsewhere = await login();
    await refreshed(elsewhere.refreshToken);
  });

  it('lets only one of two simultaneous refreshes with the same token through, and then ends the sign-in', async () => {
    const { refreshToken } = await login();
    const statuses = (await Promise.all([refresh(refreshToken), refresh(refreshToken)])).map((response) => response.status);
    expect(statuses.sort()).toEqual([200, 401]);
    const [{ live }] = (await stack.query<{ live: number }>(
      `SELECT count(*)::int AS live FROM refresh_tokens WHERE revoked_at IS NULL AND family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1)`,
      [sha256(refreshToken)],
    )) as [{ live: number }];
    expect(live).toBe(0);
  });

  it('gives an unknown, revoked or expired token the same 401', async () => {
    const unknown = await refresh('bm90LWEtcmVhbC10b2tlbi1qdXN0LWFuLWV4YW1wbGU').expect(401);
    const revoked = await login();
    await logout(revoked.refreshToken).expect(204);
    expect((await refresh(revoked.refreshToken).expect(401)).body.detail).toBe(unknown.body.detail);
  });

  it('signs out: the token and every token descended from the same sign-in stop working', async () => {
    const signedIn = await login();
    const next = await refreshed(signedIn.refreshToken);
    const other = await login();
    // The used-up first token still names the sign-in.
    await logout(signedIn.refreshToken).expect(204);
    await refresh(next.refreshToken).expect(401);
    await refreshed(other.refreshToken);
    // Telling nothing: an unknown token, or signing out twice, answers the same.
    await logout(next.refreshToken).expect(204);
    await logout('bm90LWEtcmVhbC10b2tlbi1qdXN0LWFuLWV4YW1wbGU').expect(204);
  });

  it('signs out a refresh in flight too: the successor it adds meanwhile is revoked', async () => {
    const { refreshToken } = await login();
    const successor = await duringRefresh(refreshToken, () => logout(refreshToken).expect(204));
    expect(await isRevoked(successor)).toBe(true);
  });

  it.each([
    ['refresh', '/api/auth/refresh'],
    ['logout', '/api/auth/logout'],
  ])('refuses an invalid %s body (400)', async (_, path) => {
    const { refreshToken } = await login();
    for (const body of [{}, { refreshToken: '' }, { refreshToken: 42 }, { refreshToken, extra: true }, { refreshToken: 'x'.repeat(201) }]) {
      const response = await anonymous.post(path).send(body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    // Nothing above used the token up or revoked it.
    await refreshed(refreshToken);
  });

  describe('lifetimes', () => {
    let shortLived: ReturnType<typeof supertest>;
    let shortSession: ReturnType<typeof supertest>;

    beforeAll(async () => {
      ({ anonymous: shortLived } = await stack.startApi({ OUTBOX_RELAY: 'false', REFRESH_TOKEN_TTL_SECONDS: 1 }));
      ({ anonymous: shortSession } = await stack.startApi({ OUTBOX_RELAY: 'false', REFRESH_TOKEN_TTL_SECONDS: 7200, SESSION_MAX_HOURS: 1 }));
    });

    it('refuses a refresh token left unused for longer than REFRESH_TOKEN_TTL_SECONDS', async () => {
      const signedIn = await login(ADMIN, shortLived);
      expect(signedIn.refreshExpiresIn).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await refresh(signedIn.refreshToken, shortLived).expect(401);
    });

    it('never lets a refresh token outlive SESSION_MAX_HOURS from sign-in', async () => {
      const signedIn = await login(ADMIN, shortSession);
      expect(signedIn.refreshExpiresIn).toBe(3600);
      const [family] = await stack.query<{ family_expires_at: Date }>(`SELECT family_expires_at FROM refresh_tokens WHERE token_hash = $1`, [sha256(signedIn.refreshToken)]);
      const next: Tokens = (await refresh(signedIn.refreshToken, shortSession).expect(200)).body;
      expect(next.refreshExpiresIn).toBeLessThanOrEqual(3600);
      const [row] = await stack.query<{ expires_at: Date }>(`SELECT expires_at FROM refresh_tokens WHERE token_hash = $1`, [sha256(next.refreshToken)]);
      expect(row!.expires_at).toEqual(family!.family_expires_at);

      // Later in the day: the sign-in ends in 30 s, and so does the token a refresh answers, not in two hours.
      await stack.query(`UPDATE refresh_tokens SET family_expires_at = now() + interval '30 seconds', expires_at = now() + interval '30 seconds' WHERE token_hash = $1`, [
        sha256(next.refreshToken),
      ]);
      const last: Tokens = (await refresh(next.refreshToken, shortSession).expect(200)).body;
      expect(last.refreshExpiresIn).toBeLessThanOrEqual(30);
      expect(last.refreshExpiresIn).toBeGreaterThan(20);

      await stack.query(`UPDATE refresh_tokens SET family_expires_at = now(), expires_at = now() WHERE token_hash = $1`, [sha256(last.refreshToken)]);
      await refresh(last.refreshToken, shortSession).expect(401);
    });
  });

  describe("when a person's access changes", () => {
    let council: string;
    let otherCouncil: string;
    let partnership: string;

    beforeAll(async () => {
      council = (await admin.post('/api/councils').send(councilRequest()).expect(201)).body.id;
      otherCouncil = (await admin.post('/api/councils').send(councilRequest()).expect(201)).body.id;
      partnership = (await admin.post('/api/partnerships').send({ name: 'Access', councilIds: [council, otherCouncil] }).expect(201)).body.id;
    });

    /** A person of `role`, signed in (twice, as on two machines) with their refresh tokens. */
    const signedInAs = async (role: 'partnership_lead' | 'practitioner', organisation: { councilId?: string } = {}) => {
      const person = await personWith(app, admin, role, organisation);
      const sessions = [await login({ email: person.email, password: PASSWORD }), await login({ email: person.email, password: PASSWORD })];
      // One of them refreshed already, so that its family has a used token and a live one.
      sessions[1] = await refreshed(sessions[1]!.refreshToken);
      return { ...person, sessions };
    };
    const cannotRefresh = async (person: { sessions: Tokens[] }) => {
      for (const session of person.sessions) await refresh(session.refreshToken).expect(401);
    };

    it('revokes a lead who stands down', async () => {
      const lead = await signedInAs('partnership_lead');
      const otherLead = await signedInAs('partnership_lead');
      for (const userId of [lead.id, otherLead.id]) await admin.post(`/api/partnerships/${partnership}/leads`).send({ userId }).expect(201);
      await admin.delete(`/api/partnerships/${partnership}/leads/${lead.id}`).expect(204);
      await cannotRefresh(lead);
      await refreshed(otherLead.sessions[0]!.refreshToken);
    });

    it("revokes the people of an organisation that leaves a partnership, and only theirs", async () => {
      const leaving = await signedInAs('practitioner', { councilId: council });
      const staying = await signedInAs('practitioner', { councilId: otherCouncil });
      await admin.delete(`/api/partnerships/${partnership}/members/${council}`).expect(204);
      await cannotRefresh(leaving);
      await refreshed(staying.sessions[0]!.refreshToken);
      // Signing in again works, and lasts.
      await refreshed((await login({ email: leaving.email, password: PASSWORD })).refreshToken);
      await admin.post(`/api/partnerships/${partnership}/members`).send({ organisationType: 'council', organisationId: council }).expect(201);
    });

    it('revokes a person whose role changes', async () => {
      const person = await signedInAs('partnership_lead');
      const bystander = await signedInAs('partnership_lead');
      await stack.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [person.id]);
      await cannotRefresh(person);
      await refreshed(bystander.sessions[0]!.refreshToken);
    });

    it('revokes a person who loses their password, or is removed', async () => {
      const passwordless = await signedInAs('practitioner', { councilId: otherCouncil });
      await stack.query(`UPDATE users SET password_hash = NULL WHERE id = $1`, [passwordless.id]);
      await cannotRefresh(passwordless);

      // A lead, so that removing them also removes their lead rows (whose own revocation then finds the person gone).
      const removed = await signedInAs('partnership_lead');
      await admin.post(`/api/partnerships/${partnership}/leads`).send({ userId: removed.id }).expect(201);
      await stack.query(`DELETE FROM users WHERE id = $1`, [removed.id]);
      await cannotRefresh(removed);
    });

    it('revokes the successor a refresh in flight adds meanwhile', async () => {
      const lead = await signedInAs('partnership_lead');
      await admin.post(`/api/partnerships/${partnership}/leads`).send({ userId: lead.id }).expect(201);
      const successor = await duringRefresh(lead.sessions[0]!.refreshToken, () => admin.delete(`/api/partnerships/${partnership}/leads/${lead.id}`).expect(204));
      expect(await isRevoked(successor)).toBe(true);
    });

    it('leaves sign-ins alone when nothing about access changes', async () => {
      const person = await signedInAs('practitioner', { councilId: otherCouncil });
      await stack.query(`UPDATE users SET display_name = 'Renamed' WHERE id = $1`, [person.id]);
      const spare = (await admin.post('/api/councils').send(councilRequest()).expect(201)).body.id;
      await admin.post(`/api/partnerships/${partnership}/members`).send({ organisationType: 'council', organisationId: spare }).expect(201);
      for (const session of person.sessions) await refreshed(session.refreshToken);
    });
  });
});
