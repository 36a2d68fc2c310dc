// What the Electron preload puts on window.holdout: the contract's methods, one event subscription, and the
// one thing only the preload can do, turning a picked File into its path on disk.
// Replies travel as envelopes because an Error loses its code and location crossing IPC and the context bridge.
import type { EventListener, HoldoutApi } from './contract';
import type { SerializedError } from './errors';

export type Envelope<T> = { ok: true; result: T } | { ok: false; error: SerializedError };

export type BridgeApi = {
  [N in keyof HoldoutApi]: {
    [M in keyof HoldoutApi[N]]: HoldoutApi[N][M] extends (input: infer I) => Promise<infer O> ? (input: I) => Promise<Envelope<O>> : never;
  };
};

export interface HoldoutBridge {
  readonly api: BridgeApi;
  /** Subscribe to pushed events; returns the unsubscribe function. */
  onEvent(listener: EventListener): () => void;
  /** Absolute path of a DOM File the user picked or dropped (Electron's webUtils.getPathForFile). */
  pathForFile(file: object): string;
}

/** The one IPC channel that carries pushed events from the main process to the renderer. */
export const EVENT_CHANNEL = 'holdout:event';
