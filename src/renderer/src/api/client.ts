// The renderer's single door to the back end. Two implementations: the Electron preload bridge (ipcClient.ts)
// and the browser-mode WebSocket client (browserClient.ts); the UI only ever sees this interface.
import type { EventListener, FileSource, HoldoutApi } from '../../../shared';

export interface HoldoutClient {
  readonly mode: 'desktop' | 'browser';
  readonly api: HoldoutApi;
  /** Subscribe to pushed events (dataset changes, import progress...); returns the unsubscribe function. */
  onEvent(listener: EventListener): () => void;
  /**
   * Make a File the user picked readable by the back end: its path in the desktop app, an upload to the local
   * server in browser mode. `onProgress` reports bytes sent (browser mode only).
   */
  stageFile(file: File, onProgress?: (sent: number, total: number) => void): Promise<FileSource>;
}
