import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestStack } from './support/test-stack.js';

const REGENERATE = 'run "npm run api:contract" and commit libs/api-contract';

/** The committed document's paths whose description differs from `served`'s, and whether anything else differs. */
function differences(committed: { paths: Record<string, unknown> }, served: { paths: Record<string, unknown> }) {
  const paths = [...new Set([...Object.keys(committed.paths), ...Object.keys(served.paths)])];
  return {
    differingPaths: paths.filter((path) => JSON.stringify(committed.paths[path]) !== JSON.stringify(served.paths[path])),
    sameDocument: JSON.stringify(committed) === JSON.stringify(served),
  };
}

describe('the committed API contract (libs/api-contract) the web is typed from', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.create();
  });
  afterAll(() => stack.close());

  it('is the OpenAPI document the built API serves', () => {
    // The built API, as it runs in production: under jest's own compilation some schemas come out otherwise.
    const file = join(mkdtempSync(join(tmpdir(), 'tpm-contract-')), 'openapi.json');
    execFileSync(process.execPath, ['dist/apps/api/src/openapi/write-openapi-document.js', file], {
      env: { ...process.env, ...Object.fromEntries(Object.entries(stack.settings).map(([key, value]) => [key, String(value)])) },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const served = JSON.parse(readFileSync(file, 'utf8'));
    const committed = JSON.parse(readFileSync('libs/api-contract/openapi.json', 'utf8'));
    expect({ ...differences(committed, served), fix: REGENERATE }).toEqual({ differingPaths: [], sameDocument: true, fix: REGENERATE });
  });

  it('notices a document that differs', () => {
    const committed = JSON.parse(readFileSync('libs/api-contract/openapi.json', 'utf8'));
    const changed = structuredClone(committed);
    delete changed.paths['/api/me'].get.responses['200'];
    expect(differences(committed, changed)).toEqual({ differingPaths: ['/api/me'], sameDocument: false });
  });

  it('has the TypeScript types openapi-typescript makes of that document', () => {
    const generated = execFileSync(process.execPath, ['node_modules/openapi-typescript/bin/cli.js', 'libs/api-contract/openapi.json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    expect(generated === readFileSync('libs/api-contract/src/openapi.ts', 'utf8') ? 'up to date' : `stale: ${REGENERATE}`).toBe('up to date');
  });
});
