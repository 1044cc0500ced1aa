/**
 * ESM TypeScript under jest: run through `npm test` or `npm run test:unit|medium|e2e` (node
 * --experimental-vm-modules). Three tiers:
 * - unit (`*.spec.ts`): plain functions, no database, no build; seconds;
 * - medium (`*.medium-spec.ts`, beside the code): handlers and SQL against a real PostgreSQL, no HTTP;
 * - e2e (`test/**\/*.e2e-spec.ts`): the API, workers and pages as they run, over HTTP and in Chromium.
 * The medium and e2e tiers share one global set-up (a template database migrated once a run); the
 * tests that spawn processes use the built output.
 */
const tsJest = ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: false }];

const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': tsJest },
  moduleNameMapper: {
    '^#libs/(.*)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
};

const withDatabase = {
  ...common,
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
};

export default {
  // Generous: building a test world over HTTP on a busy 2-core machine takes its time.
  testTimeout: 180_000,
  maxWorkers: 2,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['**/*.spec.ts'] },
    { ...withDatabase, displayName: 'medium', testMatch: ['**/*.medium-spec.ts'] },
    { ...withDatabase, displayName: 'e2e', testMatch: ['**/*.e2e-spec.ts'] },
  ],
};
