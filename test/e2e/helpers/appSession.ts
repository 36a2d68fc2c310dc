// One running app (browser mode, its own data folder) and one Chromium page on it, for an e2e test file, with
// the page's uncaught errors and console errors collected so a test can assert there were none.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { useTempDir } from '../../helpers/tempDir';
import { startApp, type RunningApp } from './appProcess';
import { launchChromium } from './browser';

export interface AppSession {
  readonly app: RunningApp;
  readonly browser: Browser;
  readonly page: Page;
  readonly pageErrors: string[];
  /** The exit code the app returned on SIGTERM (after the file's tests). */
  exitCode?: number | null;
}

export function useAppSession(prefix: string, viewport = { width: 1440, height: 1000 }): AppSession {
  const tempDir = useTempDir(prefix);
  const session = { pageErrors: [] as string[] } as { -readonly [K in keyof AppSession]: AppSession[K] };
  beforeAll(async () => {
    session.app = await startApp(tempDir());
    session.browser = await launchChromium();
    session.page = await session.browser.newPage({ viewport });
    session.page.on('pageerror', (e) => session.pageErrors.push(e.message));
    session.page.on('console', (m) => {
      if (m.type() === 'error') session.pageErrors.push(m.text());
    });
  });
  afterAll(async () => {
    await session.browser?.close();
    session.exitCode = await session.app?.stop();
  });
  return session;
}
