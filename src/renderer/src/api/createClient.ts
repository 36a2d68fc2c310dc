import type { HoldoutBridge } from '../../../shared';
import type { HoldoutClient } from './client';
import { createBrowserClient } from './browserClient';
import { createIpcClient } from './ipcClient';

declare global {
  interface Window {
    /** Put there by the Electron preload; absent when the UI is served to a browser by `holdout serve`. */
    holdout?: HoldoutBridge;
  }
}

export async function createClient(): Promise<HoldoutClient> {
  return window.holdout ? createIpcClient(window.holdout) : createBrowserClient();
}
