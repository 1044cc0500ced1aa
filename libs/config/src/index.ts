// Settings classes carry decorator metadata, which needs reflect-metadata loaded before they are defined.
import 'reflect-metadata';
export { CoreConfig, EMBEDDED_DATABASE_PORT, EMBEDDED_DATABASE_URL, LOG_LEVELS, type LogLevel, ProcessConfig, QUEUE_BACKENDS, type QueueBackend } from './core.config.js';
export { loadConfig, loadConfigOrExit, TypedConfigModule } from './typed-config.module.js';
export { InvalidConfigError, validateConfig } from './validate-config.js';
export { TextBoolean } from './text-boolean.js';
export { SetInProduction } from './set-in-production.js';
