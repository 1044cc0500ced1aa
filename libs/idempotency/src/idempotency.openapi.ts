import type { OpenAPIObject } from '@nestjs/swagger';
import { KEPT_FOR_HOURS } from './idempotency-keys.js';

/** Documents the `Idempotency-Key` header on every signed-in operation that creates something (answers 201). */
export function withIdempotencyKeys(document: OpenAPIObject): OpenAPIObject {
  for (const operations of Object.values(document.paths)) {
    const operation = operations.post;
    if (!operation?.responses['201'] || (operation.security && operation.security.length === 0)) continue;
    operation.parameters = [
      ...(operation.parameters ?? []),
      {
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description:
          `Makes a retry safe: a repeat with the same key and body gets the first answer again (with \`Idempotent-Replayed: true\`) ` +
          `instead of creating a second record, for ${KEPT_FOR_HOURS} hours; the same key with another body is a 422, and a repeat ` +
          'while the first is still being handled waits for it (or is a 409 after a few seconds). Keys are per caller.',
        schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
        example: '6f1c2b9e-4a57-4d1f-9a8e-2f3b5c7d9e01',
      },
    ];
    for (const status of ['409', '422']) {
      operation.responses[status] ??= { description: status === '409' ? 'A request with this key is still being handled' : 'The key was sent with another request', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } } };
    }
  }
  return document;
}
