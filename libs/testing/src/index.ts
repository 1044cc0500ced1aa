export { eventually } from './eventually.js';
export { councilRequest, inDays, onWeekday, opportunityRequest, profileRequest, universityRequest } from './factories.js';
export { freePort } from './free-port.js';
export { removeRedisKeys } from './redis-keys.js';
export { DisposableRedis } from './redis-server.js';
export { createTemplateDatabase, createTestDatabase, dropRunDatabases, type TestDatabase } from './test-database.js';
export { newTestRunId, runQueuePrefix, testRunId, testSettings, uniqueQueuePrefix } from './test-settings.js';
export { type ReceivedMail, SmtpInbox } from './smtp-inbox.js';
export { TcpProxy } from './tcp-proxy.js';
