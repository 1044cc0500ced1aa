import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CoreConfig } from '#libs/config';
import { dataSourceOptions } from './data-source-options.js';

/** The TypeORM connection every app shares; each context registers its own entities. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [CoreConfig],
      useFactory: (config: CoreConfig) => ({
        ...dataSourceOptions({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE }),
        autoLoadEntities: true,
        retryAttempts: 3,
        retryDelay: 1000,
      }),
    }),
  ],
})
export class DatabaseModule {}
