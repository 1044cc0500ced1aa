import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import type { QueueBackend } from '#libs/config';
import { BarePipeline } from './bare-pipeline.js';
import { Pipeline } from './pipeline.js';
import { type BenchSettings, benchSettings } from './settings.js';
import type { Stages } from './timings.js';

export type SideName = 'bare' | 'pipeline';

type Task =
  | { task: 'throughput'; run: string; count: number; producers: number }
  | { task: 'latency'; run: string; count: number; perSecond: number }
  | { task: 'drainBacklog'; run: string; count: number };
type Request = Task & { id: number };
type Reply = { id: number; result: unknown } | { id: number; error: string };

/**
 * One side of the comparison in a Node process of its own, driven from the benchmark's process. In
 * one shared process the side that ran first left the other its heap, its AsyncLocalStorage hooks
 * (on for every later promise once any storage has run) and its metrics observers, so the twin's
 * later rounds paid for the product's.
 */
export class SideProcess {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if ('error' in reply) waiting?.reject(new Error(reply.error));
      else waiting?.resolve(reply.result);
    });
    child.on('exit', (code) => {
      for (const waiting of this.pending.values()) waiting.reject(new Error(`the side's process exited (${code})`));
      this.pending.clear();
    });
  }

  /** Starts `side` on the run's database and queues; resolves once it is ready for work. */
  static start(side: SideName, settings: BenchSettings): Promise<SideProcess> {
    const child = fork(new URL(import.meta.url), [side, settings.worker.QUEUE_BACKEND, settings.run], { stdio: 'inherit' });
    return new Promise((resolve, reject) => {
      child.once('message', () => resolve(new SideProcess(child)));
      child.once('exit', (code) => reject(new Error(`the ${side} side did not start (exit ${code})`)));
    });
  }

  /** For the CPU meter: the side's Node CPU is this process's. */
  get pid(): number {
    return this.child.pid!;
  }

  throughput(run: string, count: number, producers: number): Promise<Stages> {
    return this.ask({ task: 'throughput', run, count, producers }) as Promise<Stages>;
  }

  latency(run: string, count: number, perSecond: number): Promise<number[]> {
    return this.ask({ task: 'latency', run, count, perSecond }) as Promise<number[]>;
  }

  drainBacklog(run: string, count: number): Promise<number> {
    return this.ask({ task: 'drainBacklog', run, count }) as Promise<number>;
  }

  /** Closes the side (its apps, pools and queues) and waits for its process to end. */
  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.send('close');
    await exited;
  }

  private ask(task: Task): Promise<unknown> {
    const id = (this.nextId += 1);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ ...task, id });
    });
  }
}

/** In the side's own process: start it, answer the benchmark's requests, close when told. */
async function serve(side: SideName, backend: QueueBackend, run: string): Promise<void> {
  const settings = benchSettings(backend, run);
  const started = side === 'bare' ? await BarePipeline.start(settings) : await Pipeline.start(settings);
  process.on('message', (request: Request | 'close') => {
    if (request === 'close') {
      void started.close().finally(() => process.disconnect());
      return;
    }
    const work =
      request.task === 'throughput'
        ? started.throughput(request.run, request.count, request.producers)
        : request.task === 'latency'
          ? started.latency(request.run, request.count, request.perSecond)
          : started.drainBacklog(request.run, request.count);
    work.then(
      (result) => process.send!({ id: request.id, result }),
      (error: unknown) => process.send!({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
    );
  });
  process.send!('ready');
}

if (process.send && process.argv[1] === new URL(import.meta.url).pathname) {
  const [side, backend, run] = process.argv.slice(2) as [SideName, QueueBackend, string];
  await serve(side, backend, run);
}
