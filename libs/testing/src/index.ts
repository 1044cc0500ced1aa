export { eventually } from './eventually.js';
export { councilRequest, universityRequest } from './factories.js';
export { DisposableRedis } from './redis-server.js';
export { assertTestDatabase, createTemplateDatabase, createTestDatabase, TEMPLATE_DATABASE, type TestDatabase } from './test-database.js';
export { testSettings, uniqueQueuePrefix } from './test-settings.js';
