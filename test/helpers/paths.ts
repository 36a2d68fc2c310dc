// Paths tests share: the repository root, the built Node entries (out/main), and the shared reference data.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
/** ../shared/reference, beside the repository (see its README). */
export const referenceDir = resolve(repoRoot, '../shared/reference');
export const outMain = resolve(repoRoot, 'out/main');
export const resourcesDir = resolve(repoRoot, 'resources');
export const fixturesDir = resolve(repoRoot, 'test/fixtures');

export function reference(file: string): string {
  return resolve(referenceDir, file);
}

/** Integration tests run the built workers; `npm test` builds first. */
export function assertBuilt(): void {
  if (!existsSync(resolve(outMain, 'dataset.worker.js'))) {
    throw new Error('out/main is not built: run `npm run build` (npm test does it for you).');
  }
}
