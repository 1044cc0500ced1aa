import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** How long a key and its answer are kept. */
export const KEPT_FOR_HOURS = 24;

/** A claim whose request never finished (its process died) is given up after this, so the key works again. */
const ABANDONED_AFTER_SECONDS = 60;

export type Claim =
  | { outcome: 'claimed' }
  | { outcome: 'answered'; status: number; body: unknown }
  | { outcome: 'in_progress' }
  | { outcome: 'other_request' };

/** The answers given to each caller's keys, in PostgreSQL so that every API process shares them. */
@Injectable()
export class IdempotencyKeys {
  private purgedAt = 0;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Claims `key` for this request, or says what became of the request that claimed it first. An
   * expired or abandoned claim is replaced in the same statement.
   */
  async claim(callerId: string, key: string, requestHash: string): Promise<Claim> {
    await this.purgeNowAndThen();
    const [claimed]: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_keys (caller_id, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (caller_id, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, status = NULL, body = NULL, created_at = now()
         WHERE idempotency_keys.created_at < now() - make_interval(hours => $4)
            OR (idempotency_keys.status IS NULL AND idempotency_keys.created_at < now() - make_interval(secs => $5))
       RETURNING 1`,
      [callerId, key, requestHash, KEPT_FOR_HOURS, ABANDONED_AFTER_SECONDS],
    );
    if (claimed) return { outcome: 'claimed' };
    const [first]: { request_hash: string; status: number | null; body: unknown }[] = await this.dataSource.query(
      `SELECT request_hash, status, body FROM idempotency_keys WHERE caller_id = $1 AND key = $2`,
      [callerId, key],
    );
    if (!first) return this.claim(callerId, key, requestHash); // given up between the two statements
    if (first.request_hash !== requestHash) return { outcome: 'other_request' };
    return first.status === null ? { outcome: 'in_progress' } : { outcome: 'answered', status: first.status, body: first.body };
  }

  async answer(callerId: string, key: string, status: number, body: unknown): Promise<void> {
    await this.dataSource.query(`UPDATE idempotency_keys SET status = $3, body = $4 WHERE caller_id = $1 AND key = $2`, [
      callerId,
      key,
      status,
      JSON.stringify(body ?? null),
    ]);
  }

  /** The request failed: nothing was done, so a repeat may try again. */
  async release(callerId: string, key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_keys WHERE caller_id = $1 AND key = $2 AND status IS NULL`, [callerId, key]);
  }

  private async purgeNowAndThen(): Promise<void> {
    if (Date.now() - this.purgedAt < 60_000) return;
    this.purgedAt = Date.now();
    await this.dataSource.query(`DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`, [KEPT_FOR_HOURS]);
  }
}
