import { readFile, readdir } from 'node:fs/promises';
import { Redis } from 'ioredis';
import pg from 'pg';
import { databaseNameOf } from '#libs/database';

/** Kernel clock ticks a second, the unit of utime and stime in /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU milliseconds each process spent, per event. */
export interface CpuPerEvent {
  node: number;
  postgres: number;
  redis: number | undefined;
}

interface Snapshot {
  nodeMicros: number;
  postgresTicks: Map<number, number>;
  redisSeconds: number | undefined;
}

/** utime + stime of a process, or undefined when it is gone. */
async function cpuTicksOf(pid: number): Promise<number | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (!stat) return undefined;
  // The fields after the command name, which may itself hold spaces and parentheses.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function cpuMicrosOfThisProcess(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

async function redisServerPid(): Promise<number | undefined> {
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const name = await readFile(`/proc/${entry}/comm`, 'utf8').catch(() => '');
    if (name.trim() === 'redis-server') return Number(entry);
  }
  return undefined;
}

/**
 * What a Node process, the PostgreSQL backends of the bench database and Redis each spend on a
 * stretch of work. Node from process.cpuUsage(), or from /proc of the process given; PostgreSQL from
 * /proc of each backend connected to the bench database (a backend that closes during the stretch
 * takes its time with it, so the pools here keep theirs open); Redis from /proc of its server, or
 * INFO cpu when it is elsewhere. Redis and the server's other databases are shared with whatever
 * else runs on the machine.
 */
export class CpuMeter {
  private readonly db: pg.Pool;
  private readonly redis: Redis | undefined;

  private constructor(
    databaseUrl: string,
    redisUrl: string | undefined,
    private readonly redisPid: number | undefined,
  ) {
    this.db = new pg.Pool({ connectionString: databaseUrl, max: 1, application_name: 'tpm-bench-cpu' });
    this.redis = redisUrl && !redisPid ? new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 }) : undefined;
  }

  /** `redisUrl` when the queues are on Redis; without it no Redis figure is taken. */
  static async start(databaseUrl: string, redisUrl: string | undefined): Promise<CpuMeter> {
    return new CpuMeter(databaseUrl, redisUrl, redisUrl ? await redisServerPid() : undefined);
  }

  /** `nodePid`: the Node process doing the work, when it is not this one. */
  async measure(events: number, work: () => Promise<void>, nodePid?: number): Promise<CpuPerEvent> {
    const before = await this.snapshot(nodePid);
    await work();
    const after = await this.snapshot(nodePid);
    let postgresTicks = 0;
    // A backend that connected during the stretch spent all its time on it.
    for (const [pid, ticks] of after.postgresTicks) postgresTicks += ticks - (before.postgresTicks.get(pid) ?? 0);
    const redis = after.redisSeconds !== undefined && before.redisSeconds !== undefined ? after.redisSeconds - before.redisSeconds : undefined;
    return {
      node: (after.nodeMicros - before.nodeMicros) / 1000 / events,
      postgres: (postgresTicks * (1000 / TICKS_PER_SECOND)) / events,
      redis: redis === undefined ? undefined : (redis * 1000) / events,
    };
  }

  async close(): Promise<void> {
    await this.db.end();
    this.redis?.disconnect();
  }

  private async snapshot(nodePid: number | undefined): Promise<Snapshot> {
    const nodeMicros = nodePid === undefined ? cpuMicrosOfThisProcess() : ((await cpuTicksOf(nodePid)) ?? Number.NaN) * (1_000_000 / TICKS_PER_SECOND);
    const { rows } = await this.db.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [
      databaseNameOf(this.db.options.connectionString!),
    ]);
    const postgresTicks = new Map<number, number>();
    for (const { pid } of rows) {
      const ticks = await cpuTicksOf(pid);
      if (ticks !== undefined) postgresTicks.set(pid, ticks);
    }
    return { nodeMicros, postgresTicks, redisSeconds: await this.redisSeconds() };
  }

  private async redisSeconds(): Promise<number | undefined> {
    if (this.redisPid) {
      const ticks = await cpuTicksOf(this.redisPid);
      return ticks === undefined ? undefined : ticks / TICKS_PER_SECOND;
    }
    if (!this.redis) return undefined;
    const info = await this.redis.info('cpu');
    const seconds = (field: string) => Number(new RegExp(`^${field}:([\\d.]+)`, 'm').exec(info)?.[1] ?? Number.NaN);
    return seconds('used_cpu_user') + seconds('used_cpu_sys');
  }
}
