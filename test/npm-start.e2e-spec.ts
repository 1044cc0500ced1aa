import { once } from 'node:events';
import { createServer } from 'node:net';
import { eventually, freePort } from '#libs/testing';
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

  it('started while the web port is taken, says so and which setting moves it, and exits at once', async () => {
    const taken = createServer().listen(await freePort(), '127.0.0.1');
    await once(taken, 'listening');
    const port = (taken.address() as { port: number }).port;
    try {
      product = await StartedProduct.start('npm', stack.settings, { ports: { WEB_PORT: port } });
      const [code] = await product.exited;
      expect(code).toBe(1);
      expect(product.said()).toContain(`Port ${port} on 127.0.0.1 is taken`);
      expect(product.said()).toContain('set WEB_PORT to use another');
      // Before doing anything: no migrations, no process started.
      expect(product.said()).not.toContain('Migrations applied');
      await product.allGone();
    } finally {
      taken.close();
    }
  });

  it('a second product on the ports of a running one stops at once, the first running on', async () => {
    const [first, pids] = await running('npm');
    const second = await StartedProduct.start('npm', stack.settings, { ports: first.ports });
    try {
      const [code] = await second.exited;
      expect(code).toBe(1);
      expect(second.said()).toContain(`Port ${first.ports.PORT} on 127.0.0.1 is taken`);
      expect(second.said()).toContain('set PORT to use another');
      await second.allGone();
      await eventually(async () => (await fetch(`http://127.0.0.1:${first.ports.PORT}/api/health`)).ok);
      expect(pids.filter(isRunning)).toEqual(pids);
    } finally {
      await second.destroy();
    }
  }, STARTING);
});
