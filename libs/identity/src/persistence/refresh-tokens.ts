import { randomBytes } from 'node:crypto';
import { Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { hashToken } from '../domain/passwords.js';
import type { Role } from '../domain/role.js';
import { IdentityConfig } from '../identity.config.js';

export interface IssuedRefreshToken {
  refreshToken: string;
  /** Seconds until it expires. */
  refreshExpiresIn: number;
}

export interface Rotated extends IssuedRefreshToken {
  userId: string;
  role: Role;
}

/** One answer for an unknown, expired, revoked or reused token, so the answer tells nothing. */
const invalid = () => new UnauthorizedException('The refresh token is not valid (it may have expired or been revoked); sign in again.');

/**
 * Revokes every live token of the families chosen by `where`. The rows are locked first, in id
 * order, and revoked by a second statement: a refresh in flight holds its token's row, and once it
 * commits only a statement that starts afterwards sees the token it added. The revocation triggers
 * (migration 1765210000000) follow the same pattern.
 */
async function revokeFamilies(manager: EntityManager, where: string, parameters: unknown[]): Promise<void> {
  const live = `SELECT id FROM refresh_tokens WHERE family_id IN (${where}) AND revoked_at IS NULL`;
  await manager.query(`${live} ORDER BY id FOR UPDATE`, parameters);
  await manager.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE id IN (${live})`, parameters);
}

/**
 * Opaque refresh tokens, stored as their sha256 (they are 256 random bits: a slow hash would add
 * nothing). Each refresh uses its token up and answers a successor in the same family; a used
 * token presented again means someone holds a copy, so the whole family is revoked.
 */
@Injectable()
export class RefreshTokens {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: IdentityConfig,
  ) {}

  /** Starts a new family for a person who has just signed in. */
  async issue(userId: string): Promise<IssuedRefreshToken> {
    const refreshToken = newToken();
    const sessionSeconds = this.config.SESSION_MAX_HOURS * 3600;
    await this.dataSource.transaction(async (manager) => {
      // Their families that have ended are of no more use; clearing them here keeps the table to live sign-ins.
      await manager.query(`DELETE FROM refresh_tokens WHERE user_id = $1 AND family_expires_at <= now()`, [userId]);
      await manager.query(
        `INSERT INTO refresh_tokens (family_id, user_id, token_hash, expires_at, family_expires_at)
         VALUES (gen_random_uuid(), $1, $2, now() + make_interval(secs => least($3::int, $4::int)), now() + make_interval(secs => $4::int))`,
        [userId, hashToken(refreshToken), this.config.REFRESH_TOKEN_TTL_SECONDS, sessionSeconds],
      );
    });
    return { refreshToken, refreshExpiresIn: Math.min(this.config.REFRESH_TOKEN_TTL_SECONDS, sessionSeconds) };
  }

  /** Uses `token` up and answers its successor, for the person it was issued to. */
  async rotate(token: string): Promise<Rotated> {
    const outcome = await this.dataSource.transaction((manager) => this.rotateIn(manager, hashToken(token)));
    if (outcome.kind === 'reused') {
      // In a transaction of its own, once the used token's row is let go: locking the family while
      // holding it could deadlock with a second reuse in the same family.
      await this.dataSource.transaction((manager) => revokeFamilies(manager, '$1', [outcome.familyId]));
    }
    if (outcome.kind !== 'rotated') throw invalid();
    return outcome.rotated;
  }

  private async rotateIn(manager: EntityManager, tokenHash: string): Promise<{ kind: 'invalid' } | { kind: 'reused'; familyId: string } | { kind: 'rotated'; rotated: Rotated }> {
    // The person before the token, in the order removing them locks both: the other way round could deadlock.
    await manager.query(`SELECT 1 FROM users WHERE id = (SELECT user_id FROM refresh_tokens WHERE token_hash = $1) FOR KEY SHARE`, [tokenHash]);
    const [current] = await manager.query<{ id: string; family_id: string; user_id: string; role: Role; used: boolean; live: boolean }[]>(
      `SELECT t.id, t.family_id, t.user_id, u.role, t.used_at IS NOT NULL AS used,
              t.revoked_at IS NULL AND t.expires_at > now() AND t.family_expires_at > now() AND u.password_hash IS NOT NULL AS live
       FROM refresh_tokens t JOIN users u ON u.id = t.user_id
       WHERE t.token_hash = $1
       FOR UPDATE OF t`,
      [tokenHash],
    );
    if (!current) return { kind: 'invalid' };
    // Reuse is looked for before liveness: an expired token's successors may still be live.
    if (current.used) return { kind: 'reused', familyId: current.family_id };
    if (!current.live) return { kind: 'invalid' };

    const refreshToken = newToken();
    const [next] = await manager.query<{ id: string; expires_in: number }[]>(
      `INSERT INTO refresh_tokens (family_id, user_id, token_hash, expires_at, family_expires_at)
       SELECT family_id, user_id, $2, least(now() + make_interval(secs => $3::int), family_expires_at), family_expires_at
       FROM refresh_tokens WHERE id = $1
       RETURNING id, floor(extract(epoch FROM expires_at - now()))::int AS expires_in`,
      [current.id, hashToken(refreshToken), this.config.REFRESH_TOKEN_TTL_SECONDS],
    );
    await manager.query(`UPDATE refresh_tokens SET used_at = now(), replaced_by = $2 WHERE id = $1`, [current.id, next!.id]);
    return { kind: 'rotated', rotated: { userId: current.user_id, role: current.role, refreshToken, refreshExpiresIn: next!.expires_in } };
  }

  /** Ends the sign-in `token` belongs to; a token that is unknown or already revoked changes nothing. */
  async revokeFamilyOf(token: string): Promise<void> {
    await this.dataSource.transaction((manager) => revokeFamilies(manager, 'SELECT family_id FROM refresh_tokens WHERE token_hash = $1', [hashToken(token)]));
  }
}

const newToken = () => randomBytes(32).toString('base64url');
