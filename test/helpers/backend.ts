// A real back end for integration tests: a fresh data folder, a real SQLite file and the built worker threads.
import { afterAll } from 'vitest';
import { createBackend, type Backend } from '../../src/backend';
import { assertBuilt, outMain, resourcesDir } from './paths';
import { useTempDir } from './tempDir';

export function useBackends(): (dataDir?: string) => Backend {
  assertBuilt();
  const tempDir = useTempDir('holdout-backend-');
  const open: Backend[] = [];
  afterAll(async () => {
    await Promise.all(open.map((b) => b.close()));
  });
  return (dataDir = tempDir()) => {
    const backend = createBackend({ dataDir, mode: 'cli', version: '0.0.0-test', workerDir: outMain, resourcesDir });
    open.push(backend);
    return backend;
  };
}
