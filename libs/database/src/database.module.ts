import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CoreConfig } from '#libs/config';
import { dataSourceOptions } from './data-source-options.js';
import { PoolMetrics } from './pool-metrics.js';

/** The TypeORM connection every app shares. */
@Module({})
export class DatabaseModule {
  /**
   * With the entities each context's module registers; or, for a process that only speaks SQL, none:
   * importing a context's index registers that context's entities but not the ones they reference.
   */
  static forRoot({ entities }: { entities: 'registered' | 'none' } = { entities: 'registered' }): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [PoolMetrics],
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [CoreConfig],
          useFactory: (config: CoreConfig) => ({
            ...dataSourceOptions({
              url: config.DATABASE_URL,
              poolSize: config.DATABASE_POOL_SIZE,
              preparedStatements: config.DATABASE_PREPARED_STATEMENTS,
              timeouts: { connectMs: config.DATABASE_CONNECT_TIMEOUT_MS, statementMs: config.DATABASE_STATEMENT_TIMEOUT_MS },
            }),
            autoLoadEntities: entities === 'registered',
            retryAttempts: 3,
            retryDelay: 1000,
          }),
        }),
      ],
    };
  }
}
