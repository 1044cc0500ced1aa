// Settings classes carry decorator metadata, which needs reflect-metadata loaded before they are defined.
import 'reflect-metadata';
export { CoreConfig, EMBEDDED_DATABASE_PORT, ProcessConfig, type QueueBackend } from './core.config.js';
export { loadConfig, loadConfigOrExit, TypedConfigModule } from './typed-config.module.js';
export { validateConfig } from './validate-config.js';
export { TextBoolean } from './text-boolean.js';
export { SetInProduction } from './set-in-production.js';
