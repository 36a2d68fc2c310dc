#!/usr/bin/env node
// `npm start`: the desktop window where Electron's binary is installed, browser mode (saying so) where it is not.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = ['out/main/cli.js', 'out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'].every((f) =>
  existsSync(new URL(`../${f}`, import.meta.url)),
);
if (!built) {
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 2);
}

function electronBinary() {
  try {
    // The electron package exports the binary's path, and throws when the binary was never downloaded.
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

const electron = electronBinary();
if (electron && !process.env.HOLDOUT_BROWSER_MODE) {
  const child = spawn(electron, [root], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const reason = electron
    ? 'HOLDOUT_BROWSER_MODE is set: starting in browser mode.'
    : "Electron's binary is not installed on this machine, so Holdout starts in browser mode instead of a desktop window.";
  const { startBrowserFallback } = await import(fileURLToPath(new URL('../out/main/cli.js', import.meta.url)));
  process.exitCode = await startBrowserFallback(reason);
}
