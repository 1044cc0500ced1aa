import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { Gauge, Registry } from 'prom-client';
import { DataSource } from 'typeorm';

/**
 * Use of the process's PostgreSQL pool, read from the pool when scraped (no query, so it answers
 * while the database is away): connections in use and idle, requests waiting for one, and the most
 * it may hold (DATABASE_POOL_SIZE). Waiting requests are what turns into 503s.
 */
@Injectable()
export class PoolMetrics {
  constructor(@InjectDataSource() dataSource: DataSource, @Optional() registry?: Registry) {
    if (!registry) return;
    const pool = (): Pool | undefined => (dataSource.driver as unknown as { master?: Pool }).master;
    new Gauge({
      name: 'database_pool_connections',
      help: 'Connections of the PostgreSQL pool by state (in_use, idle)',
      labelNames: ['state'],
      registers: [registry],
      collect() {
        const current = pool();
        this.set({ state: 'in_use' }, current ? current.totalCount - current.idleCount : 0);
        this.set({ state: 'idle' }, current?.idleCount ?? 0);
      },
    });
    new Gauge({
      name: 'database_pool_waiting_requests',
      help: 'Requests waiting for a connection of the PostgreSQL pool',
      registers: [registry],
      collect() {
        this.set(pool()?.waitingCount ?? 0);
      },
    });
    new Gauge({
      name: 'database_pool_max_connections',
      help: 'Most connections the PostgreSQL pool may hold (DATABASE_POOL_SIZE)',
      registers: [registry],
      collect() {
        this.set(pool()?.options.max ?? 0);
      },
    });
  }
}
