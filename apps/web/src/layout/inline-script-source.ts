import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The CSP source that lets the GOV.UK template's one inline script run (it tells the stylesheets
 * that JavaScript is on): its SHA-256, read from the installed template. A hash rather than a nonce
 * keeps the policy the same for every response, so it is built once rather than on each request,
 * and a newer GOV.UK Frontend brings its own.
 */
export function govukInlineScriptSource(govukDist: string): string {
  const template = readFileSync(join(govukDist, 'govuk', 'template.njk'), 'utf8');
  const script = /<script[^>]*>([^<]*js-enabled[^<]*)<\/script>/.exec(template)?.[1];
  if (!script) throw new Error("GOV.UK Frontend's template has no inline script marking the body js-enabled: its CSP hash cannot be taken");
  return `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
}
