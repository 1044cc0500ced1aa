import pg from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { migrations } from './migrations/index.js';
import { PreparingClient } from './prepared-statements.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

export interface DatabaseSettings {
  url: string;
  poolSize?: number;
  applicationName?: string;
  /** Hot statements as named statements (`PREPARED`); on unless turned off. */
  preparedStatements?: boolean;
  /** For the product's processes, so that nothing waits on the database for long; none for one-off tools. */
  timeouts?: { connectMs: number; statementMs: number };
}

/** The one place that says how every process of the product talks to PostgreSQL. */
export function dataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    namingStrategy: new SnakeNamingStrategy(),
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    extra: {
      Client: settings.preparedStatements === false ? pg.Client : PreparingClient,
      max: settings.poolSize ?? 10,
      application_name: settings.applicationName ?? 'tpm',
      ...(settings.timeouts && {
        connectionTimeoutMillis: settings.timeouts.connectMs,
        statement_timeout: settings.timeouts.statementMs,
        // A server that is frozen cancels nothing: the client stops waiting a little after it would have.
        query_timeout: settings.timeouts.statementMs + 1000,
      }),
    },
  };
}
