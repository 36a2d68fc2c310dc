// The app's version and root folder, found from the built entry file's location (out/main/*.js → repo root).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding package.json and resources/, given any file under out/main/ or src/. */
export function appRoot(fromUrl: string): string {
  let dir = dirname(fileURLToPath(fromUrl));
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(resolve(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'holdout') return dir;
    } catch {
      // not here: keep climbing
    }
    dir = dirname(dir);
  }
  throw new Error(`cannot find Holdout's package.json above ${fileURLToPath(fromUrl)}`);
}

export function appVersion(root: string): string {
  return (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string }).version;
}
