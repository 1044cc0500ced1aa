import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import pg from 'pg';
import type { Caller } from '../domain/caller.js';
import { PartnershipDirectory } from '../domain/partnership-directory.js';
import { IdentityConfig } from '../identity.config.js';

/** The channel the database notifies on any change to users, partnership members or leads (a trigger, in the migration). */
const CALLER_ACCESS_CHANNEL = 'caller_access';
const MAX_ENTRIES = 10_000;

/**
 * Who each recent caller is and which partnerships they work in, so a request need not read them
 * again. Any change to who may see what empties it in every API process at once: the database
 * NOTIFYs on commit, and this process's own changes empty it before they answer. While the
 * notifications cannot be heard, nothing is cached; the time limit is only a backstop.
 */
@Injectable()
export class CallerCache implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(CallerCache.name);
  private readonly entries = new Map<string, { caller: Caller; expiresAt: number }>();
  private generation = 0;
  private listener: pg.Client | undefined;
  private listening = false;
  private failures = 0;
  private stopped = false;

  constructor(
    private readonly config: IdentityConfig,
    directory: PartnershipDirectory,
  ) {
    directory.onChange(() => this.forgetAll());
  }

  private get ttlMs(): number {
    return this.config.CALLER_CACHE_SECONDS * 1000;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.ttlMs > 0) await this.listen();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.forgetAll();
    await this.listener?.end().catch(() => undefined);
  }

  /** The caller as last read, while still fresh. */
  get(userId: string): Caller | undefined {
    const entry = this.entries.get(userId);
    if (!entry) return undefined;
    if (entry.expiresAt > Date.now() && this.listening) return entry.caller;
    this.entries.delete(userId);
    return undefined;
  }

  /** A mark to pass to `remember`: taken before reading, it tells whether a change came in meanwhile. */
  mark(): number {
    return this.generation;
  }

  /** Keeps what was read since `mark`, unless access changed in the meantime (then it may be stale). */
  remember(caller: Caller, mark: number): void {
    if (!this.listening || mark !== this.generation || this.ttlMs === 0) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(caller.id, { caller, expiresAt: Date.now() + this.ttlMs });
  }

  forgetAll(): void {
    this.generation += 1;
    this.entries.clear();
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const listener = new pg.Client({ connectionString: this.config.DATABASE_URL, application_name: 'tpm-caller-cache', connectionTimeoutMillis: 5000 });
    this.listener = listener;
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost || this.stopped) return;
      lost = true;
      this.listening = false;
      this.forgetAll();
      void listener.end().catch(() => undefined);
      this.failures += 1;
      if (this.failures === 1) this.logger.warn(`Caller cache listener lost (${error?.message ?? 'connection ended'}); reading callers afresh until it is back`);
      setTimeout(() => void this.listen(), Math.min(500 * 2 ** this.failures, 30_000)).unref();
    };
    listener.on('notification', () => this.forgetAll());
    listener.on('error', onLost);
    listener.on('end', () => onLost());
    try {
      await listener.connect();
      await listener.query(`LISTEN ${CALLER_ACCESS_CHANNEL}`);
      // Whatever changed while not listening is unknown: start empty.
      this.forgetAll();
      this.listening = true;
      if (this.failures > 0) this.logger.log('Caller cache listener back');
      this.failures = 0;
    } catch (error) {
      onLost(error as Error);
    }
  }
}
