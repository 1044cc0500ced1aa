export { Correlation, correlationIdOf } from './correlation.js';
export { LoggingModule } from './logging.module.js';
export { isUnavailableDependency, isUnreachableDependency } from './unavailable-dependency.js';
export { measureHttpRequests } from './http-metrics.js';
export { MetricsModule } from './metrics.module.js';
export { serveMetricsOrStop } from './metrics-server.js';
export { withTimeout } from './with-timeout.js';
