// The desktop shell, driven through Playwright's Electron support. It needs Electron's binary, which cannot be
// downloaded on every machine: where it is missing these tests report themselves skipped, by name.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { _electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths';
import { useTempDir } from '../helpers/tempDir';
import { screenshot } from './helpers/browser';

function electronBinary(): string | undefined {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

const binary = electronBinary();
const tempDir = useTempDir('holdout-electron-');

describe('desktop shell (Electron)', () => {
  it.skipIf(!binary)('opens a sandboxed window with the app and no Node in the page [skipped: Electron binary not installed]', async () => {
    const app = await _electron.launch({
      executablePath: binary!,
      args: [repoRoot, `--user-data-dir=${join(tempDir(), 'user-data')}`],
    });
    const win = await app.firstWindow();
    await win.getByRole('button', { name: /import csv/i }).first().waitFor();
    expect(await win.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await win.evaluate(() => typeof (window as { holdout?: unknown }).holdout)).toBe('object');
    await screenshot(win, 'electron-window');
    await app.close();
  });
});
