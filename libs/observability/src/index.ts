export { Correlation, correlationIdOf } from './correlation.js';
export { LoggingModule } from './logging.module.js';
