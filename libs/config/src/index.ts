export { CoreConfig, LOG_LEVELS, type LogLevel } from './core.config.js';
export { loadConfig, loadConfigOrExit, TypedConfigModule } from './typed-config.module.js';
export { InvalidConfigError, validateConfig } from './validate-config.js';
export { EnvBoolean } from './env-boolean.js';
