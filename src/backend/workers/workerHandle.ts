// One worker thread driven through comlink. Calls race the worker's exit, so a worker that crashes or is
// terminated rejects its pending calls with a clear error instead of leaving them hanging forever.
import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { HoldoutError } from '../../shared';

export class WorkerHandle<T> {
  readonly api: Comlink.Remote<T>;
  private readonly worker: Worker;
  private readonly exited: Promise<never>;
  private terminating = false;
  private alive = true;

  constructor(
    readonly file: string,
    readonly label: string,
  ) {
    this.worker = new Worker(file);
    this.api = Comlink.wrap<T>(nodeEndpoint(this.worker));
    this.exited = new Promise<never>((_, reject) => {
      this.worker.once('error', (err) => {
        this.alive = false;
        reject(new HoldoutError('INTERNAL', `The ${label} worker crashed: ${err.message}`));
      });
      this.worker.once('exit', (code) => {
        this.alive = false;
        reject(
          this.terminating
            ? new HoldoutError('CANCELLED', `The ${label} worker was stopped.`)
            : new HoldoutError('INTERNAL', `The ${label} worker exited unexpectedly (code ${code}).`),
        );
      });
    });
    // The exit promise is only observed through call(); keep an unobserved rejection from being reported.
    this.exited.catch(() => undefined);
  }

  get isAlive(): boolean {
    return this.alive;
  }

  /** Runs `fn` against the worker's API; rejects if the worker dies first. */
  call<R>(fn: (api: Comlink.Remote<T>) => Promise<R>): Promise<R> {
    if (!this.alive) return Promise.reject(new HoldoutError('INTERNAL', `The ${this.label} worker is not running.`));
    return Promise.race([fn(this.api), this.exited]);
  }

  async terminate(): Promise<void> {
    if (!this.alive) return;
    this.terminating = true;
    this.api[Comlink.releaseProxy]();
    await this.worker.terminate();
  }
}

export { Comlink };
