import { isRunning, PRODUCT_APPS, StartedProduct } from './support/started-product.js';
import { TestStack } from './support/test-stack.js';

const STARTING = 300_000;

/**
 * `npm start` under a supervisor: the whole product as OS processes, checked by pid in /proc. Each
 * test stops it in some way and expects every process it started gone within a generous deadline.
 */
describe('npm start', () => {
  let stack: TestStack;
  let product: StartedProduct | undefined;

  beforeAll(async () => {
    stack = await TestStack.create({ DIGEST_SCHEDULES: 'false' });
  });
  afterEach(async () => {
    await product?.destroy();
    product = undefined;
  });
  afterAll(() => stack.close());

  /** The product, once it says it is running, and the pid of each of its five processes. */
  async function running(command: 'npm' | 'script'): Promise<[StartedProduct, number[]]> {
    const started = (product = await StartedProduct.start(command, stack.settings));
    await started.running();
    const apps = started.apps();
    expect(Object.keys(apps).sort()).toEqual([...PRODUCT_APPS].sort());
    return [started, Object.values(apps)];
  }

  /** The product once each of its five processes is there, still starting, and their pids. */
  async function starting(command: 'npm' | 'script'): Promise<[StartedProduct, number[]]> {
    const started = (product = await StartedProduct.start(command, stack.settings));
    await started.until(() => Object.keys(started.apps()).length === PRODUCT_APPS.length);
    return [started, Object.values(started.apps())];
  }

  it(
    'SIGTERM to npm, once the product runs, stops every process it started, and npm dies of it',
    async () => {
      const [started, pids] = await running('npm');
      process.kill(started.pid, 'SIGTERM');
      await started.allGone();
      expect(pids.filter(isRunning)).toEqual([]);
      expect(await started.exited).toEqual([null, 'SIGTERM']);
    },
    STARTING,
  );

  it.each([
    { signal: 'SIGINT', to: 'npm' },
    { signal: 'SIGHUP', to: 'npm' },
    { signal: 'SIGTERM', to: 'scripts/start.sh' },
    { signal: 'SIGINT', to: 'scripts/start.sh' },
    { signal: 'SIGHUP', to: 'scripts/start.sh' },
  ] as const)(
    '$signal to $to while the processes start stops every one of them, and $to dies of it',
    async ({ signal, to }) => {
      const [started, pids] = await starting(to === 'npm' ? 'npm' : 'script');
      process.kill(started.pid, signal);
      await started.allGone();
      expect(pids.filter(isRunning)).toEqual([]);
      expect(await started.exited).toEqual([null, signal]);
    },
    STARTING,
  );

  it(
    'when one of its processes dies, stops the others and exits 1, naming it',
    async () => {
      const [started, pids] = await running('npm');
      const worker = started.apps()['matching-worker']!;
      process.kill(worker, 'SIGKILL');
      await started.allGone();
      expect(pids.filter(isRunning)).toEqual([]);
      expect(await started.exited).toEqual([1, null]);
      expect(started.said()).toContain(`Stopped on its own: matching-worker (pid ${worker})`);
    },
    STARTING,
  );

  it(
    'SIGTERM to npm in the middle of a long start-up step (the install) stops it there',
    async () => {
      const started = (product = await StartedProduct.start('npm', stack.settings, { install: 'echo "Installing"; sleep 600' }));
      await started.until(() => started.said().includes('Installing'), 60_000);
      process.kill(started.pid, 'SIGTERM');
      await started.allGone();
      expect(await started.exited).toEqual([null, 'SIGTERM']);
    },
    STARTING,
  );
});
