export { Correlation, correlationIdOf } from './correlation.js';
export { LoggingModule } from './logging.module.js';
export { isUnavailableDependency, isUnreachableDependency } from './unavailable-dependency.js';
