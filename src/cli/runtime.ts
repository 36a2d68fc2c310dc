// Where the CLI finds its pieces once built: workers beside this bundle in out/main, the renderer in
// out/renderer, sample data in resources/. The data directory comes from $HOLDOUT_HOME (see dataDir.ts).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appRoot, appVersion, createBackend, resolveDataDir, type Backend } from '../backend';

export interface CliRuntime {
  root: string;
  version: string;
  rendererDir: string;
  openBackend(mode: 'browser' | 'cli'): Backend;
}

export function cliRuntime(): CliRuntime {
  const here = dirname(fileURLToPath(import.meta.url));
  const root = appRoot(import.meta.url);
  const version = appVersion(root);
  return {
    root,
    version,
    rendererDir: join(root, 'out', 'renderer'),
    openBackend: (mode) =>
      createBackend({ dataDir: resolveDataDir(), mode, version, workerDir: here, resourcesDir: join(root, 'resources') }),
  };
}

/** Opens the back end, runs `fn`, and always closes the database again. */
export async function withBackend<T>(runtime: CliRuntime, fn: (backend: Backend) => Promise<T>): Promise<T> {
  const backend = runtime.openBackend('cli');
  try {
    return await fn(backend);
  } finally {
    await backend.close();
  }
}
