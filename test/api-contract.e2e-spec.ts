import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { TestStack } from './support/test-stack.js';

const REGENERATE = 'run "npm run api:contract" and commit libs/api-contract';

describe('the committed API contract (libs/api-contract) the web is typed from', () => {
  let stack: TestStack;
  let served: unknown;

  beforeAll(async () => {
    stack = await TestStack.create();
    const { anonymous } = await stack.startApi({ OUTBOX_RELAY: 'false' });
    served = (await anonymous.get('/api/docs-json').expect(200)).body;
  });
  afterAll(() => stack.close());

  it('is the OpenAPI document the API serves', () => {
    const committed = JSON.parse(readFileSync('libs/api-contract/openapi.json', 'utf8'));
    // A reader of the failure needs the paths that differ, not two 190 kB documents.
    const differing = [...new Set([...Object.keys(committed.paths), ...Object.keys((served as typeof committed).paths)])].filter(
      (path) => JSON.stringify(committed.paths[path]) !== JSON.stringify((served as typeof committed).paths[path]),
    );
    expect({ differingPaths: differing, sameDocument: JSON.stringify(committed) === JSON.stringify(served) }).toEqual({ differingPaths: [], sameDocument: true });
  });

  it('has the TypeScript types openapi-typescript makes of that document', () => {
    const generated = execFileSync(process.execPath, ['node_modules/openapi-typescript/bin/cli.js', 'libs/api-contract/openapi.json'], { encoding: 'utf8' });
    expect(generated === readFileSync('libs/api-contract/src/openapi.ts', 'utf8') ? 'up to date' : `stale: ${REGENERATE}`).toBe('up to date');
  });
});
