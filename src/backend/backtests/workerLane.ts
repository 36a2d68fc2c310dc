// One worker thread that runs calls one at a time, each under a time limit: a call that takes too long
// terminates the worker (the only way to stop a runaway strategy) and the next call starts a fresh one. Calls
// wait their turn before their clock starts, so a queued call never times out because of the one before it.
import { HoldoutError } from '../../shared';
import { WorkerHandle, type Comlink } from '../workers/workerHandle';

export interface WorkerLaneOptions<T> {
  file: string;
  label: string;
  /** Runs once on each new worker before its first call. */
  init(api: Comlink.Remote<T>): Promise<void>;
  /** A limit on init (none when absent): past it the worker is terminated and the call rejects with onInitTimeout(). */
  initLimitMs?: number;
  onInitTimeout?(): HoldoutError;
  /** Asked of a healthy worker on close(), before it is terminated. */
  shutdown?(api: Comlink.Remote<T>): Promise<void>;
}

const SHUTDOWN_GRACE_MS = 1000;

export class WorkerLane<T> {
  private worker: WorkerHandle<T> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(private readonly opts: WorkerLaneOptions<T>) {}

  /**
   * `fn` against the worker, after every earlier call has finished. If it runs longer than `limitMs`, the worker
   * is terminated and the call rejects with `onTimeout()`.
   */
  call<R>(limitMs: number, onTimeout: () => HoldoutError, fn: (api: Comlink.Remote<T>) => Promise<R>): Promise<R> {
    const task = this.queue.then(() => this.execute(limitMs, onTimeout, fn));
    this.queue = task.catch(() => undefined);
    return task;
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = undefined;
    if (!worker?.isAlive) return;
    const shutdown = this.opts.shutdown;
    if (shutdown) {
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, SHUTDOWN_GRACE_MS)));
      await Promise.race([worker.call((api) => shutdown(api)).catch(() => undefined), grace]);
      clearTimeout(timer);
    }
    await worker.terminate();
  }

  private async execute<R>(limitMs: number, onTimeout: () => HoldoutError, fn: (api: Comlink.Remote<T>) => Promise<R>): Promise<R> {
    const worker = await this.ensureWorker();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(onTimeout());
        if (this.worker === worker) this.worker = undefined;
        void worker.terminate();
      }, limitMs);
    });
    try {
      return await Promise.race([worker.call(fn), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async ensureWorker(): Promise<WorkerHandle<T>> {
    if (this.closed) throw new HoldoutError('CANCELLED', `The ${this.opts.label} worker is shutting down.`);
    if (this.worker?.isAlive) return this.worker;
    const worker = new WorkerHandle<T>(this.opts.file, this.opts.label);
    const { initLimitMs, onInitTimeout } = this.opts;
    let timer: NodeJS.Timeout | undefined;
    const timeout =
      initLimitMs === undefined
        ? undefined
        : new Promise<never>((_, reject) => {
            timer = setTimeout(
              () => reject(onInitTimeout?.() ?? new HoldoutError('CANCELLED', `The ${this.opts.label} worker took longer than ${initLimitMs} ms to start.`)),
              initLimitMs,
            );
          });
    try {
      const init = worker.call((api) => this.opts.init(api));
      await (timeout === undefined ? init : Promise.race([init, timeout]));
    } catch (err) {
      await worker.terminate();
      throw err;
    } finally {
      clearTimeout(timer);
    }
    this.worker = worker;
    return worker;
  }
}
