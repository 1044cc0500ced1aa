import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import type { ProcessConfig } from './core.config.js';
import { InvalidConfigError, validateConfig } from './validate-config.js';

/** The prototypes `value` inherits from, nearest first, up to and not including Object.prototype. */
function prototypesOf(value: object): object[] {
  const chain: object[] = [];
  for (let proto = Object.getPrototypeOf(value) as object | null; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    chain.push(proto);
  }
  return chain;
}

/** The settings classes `config` is an instance of, from its own class up to `ProcessConfig`. */
function schemasOf(config: ProcessConfig): Function[] {
  return prototypesOf(config).map((proto) => proto.constructor);
}

/** The settings as a plain object, those worked out from others (accessors such as QUEUE_BACKEND) included. */
function plainSettings(config: ProcessConfig): Record<string, unknown> {
  const plain: Record<string, unknown> = { ...config };
  for (const proto of prototypesOf(config)) {
    for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
      if (descriptor.get && !(key in plain)) plain[key] = (config as unknown as Record<string, unknown>)[key];
    }
  }
  return plain;
}

/** Reads and validates the environment into `schema`; `overrides` win over the environment. */
export function loadConfig<T extends ProcessConfig>(schema: new () => T, overrides: Record<string, unknown> = {}): T {
  return validateConfig(schema, { ...process.env, ...overrides });
}

/** For a process's entry point: the config, or a message naming each wrong variable and exit code 1. */
export function loadConfigOrExit<T extends ProcessConfig>(schema: new () => T): T {
  try {
    return loadConfig(schema);
  } catch (error) {
    if (!(error instanceof InvalidConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

@Module({})
export class TypedConfigModule {
  /**
   * Provides the app's validated settings globally under their own class and every class it
   * extends (so shared libraries can ask for `CoreConfig` or `ProcessConfig`), and backs `ConfigService` with them.
   */
  static forRoot(config: ProcessConfig): DynamicModule {
    const schemas = schemasOf(config);
    const providers: Provider[] = schemas.map((schema) => ({ provide: schema, useValue: config }));
    return {
      module: TypedConfigModule,
      global: true,
      imports: [
        ConfigModule.forRoot({
          ignoreEnvFile: true,
          skipProcessEnv: true,
          validatePredefined: false,
          load: [() => plainSettings(config)],
        }),
      ],
      providers,
      exports: schemas,
    };
  }
}
