/** The layering of DESIGN.md as checked rules, run by `npm run lint`. */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'context-through-its-index',
      comment: 'A context reaches another only through what that context exports from its index.ts.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/([^/]+)/src/', pathNot: ['^libs/$1/', '^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'tests-through-the-index',
      comment: 'End-to-end tests use the libraries as the apps do; a test of one module\'s insides lives beside it (a spec or medium-spec).',
      severity: 'error',
      from: { path: '^test/' },
      to: { path: '^libs/[^/]+/src/', pathNot: '^libs/[^/]+/src/index\\.ts$' },
    },
    {
      name: 'libs-not-apps',
      comment: 'Libraries are composed by apps, never the other way round.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-independent',
      comment: 'Each app is its own process; shared code lives in libs/.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-worker-queue-code-in-api',
      comment: 'Consuming queues is the workers\' job; the API only produces (through the outbox).',
      severity: 'error',
      from: { path: '^apps/api/' },
      to: { path: '^libs/event-consumer/' },
    },
    {
      name: 'no-test-helpers-in-production',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: ['[.-]spec\\.ts$', '^libs/testing/'] },
      to: { path: '^libs/testing/' },
    },
    {
      name: 'contexts-free-of-workers',
      comment: 'Bounded contexts do not depend on the consumer runtime; they reach each other only through index.ts (above).',
      severity: 'error',
      from: { path: '^libs/(organisations|partnerships|identity|practitioners|opportunities|applications|matches|recommendations|subscriptions)/' },
      to: { path: '^libs/event-consumer/' },
    },
    {
      name: 'domain-free-of-transport',
      comment: 'A context\'s domain/ holds its rules in plain TypeScript: no DTOs, controllers or Nest HTTP code reach it.',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: { path: ['\\.dto\\.ts$', '^libs/[^/]+/src/http/', '^node_modules/@nestjs/(common|core|platform-fastify|swagger)/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|node_modules)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js'] },
  },
};
