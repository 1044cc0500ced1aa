export { IDEMPOTENCY_KEY_HEADER } from './idempotency.interceptor.js';
export { IdempotencyModule } from './idempotency.module.js';
export { withIdempotencyKeys } from './idempotency.openapi.js';
