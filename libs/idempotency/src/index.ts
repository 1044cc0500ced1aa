export { IdempotencyModule } from './idempotency.module.js';
export { withIdempotencyKeys } from './idempotency.openapi.js';
