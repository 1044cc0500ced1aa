import type { OpenAPIObject } from '@nestjs/swagger';

/**
 * Says `security: []` on every operation that asks for no token (those without `ApiSignedIn`), so
 * that no reader has to guess: OpenAPI takes an operation that says nothing to need the document's
 * global requirement, and tools (linters, generated clients) read it that way.
 */
export function withExplicitAccess(document: OpenAPIObject): OpenAPIObject {
  for (const operations of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = operations[method];
      if (operation && !operation.security) operation.security = [];
    }
  }
  return document;
}
