// The user strategies folder on disk (<dataDir>/strategies): creating it with its README and example, listing the
// files that are strategies, and a cheap fingerprint of everything in it. Main-thread side: it reads names and
// file stats only, and never imports or compiles user code (that happens in a worker).
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { EXAMPLE_FILE, EXAMPLE_STRATEGY, FOLDER_README } from './folderTemplates';

export const STRATEGIES_FOLDER = 'strategies';
const README_FILE = 'README.md';

/** A top-level file that is a strategy: .ts/.mts/.js/.mjs, not .d.ts, not starting with '_' or '.'. */
export function isStrategyFileName(name: string): boolean {
  return /\.(ts|mts|js|mjs)$/.test(name) && !/\.d\.m?ts$/.test(name) && !/^[_.]/.test(name);
}

/**
 * Creates the folder if needed, writes the README if it is missing, and the example strategy only when the
 * folder is new or empty (a user who deleted the example keeps it deleted).
 */
export function ensureStrategyFolder(folder: string): void {
  const isNew = !existsSync(folder);
  mkdirSync(folder, { recursive: true });
  const empty = isNew || readdirSync(folder).length === 0;
  if (!existsSync(join(folder, README_FILE))) writeFileSync(join(folder, README_FILE), FOLDER_README);
  if (empty) writeFileSync(join(folder, EXAMPLE_FILE), EXAMPLE_STRATEGY);
}

/** Names (relative to the folder) of the strategy files, sorted; [] when the folder does not exist. */
export async function listStrategyFiles(folder: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return entries
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && isStrategyFileName(e.name))
    .map((e) => e.name)
    .sort();
}

const MAX_FINGERPRINT_ENTRIES = 5000;

/**
 * Changes whenever any file under the folder is added, removed, resized or touched (names, sizes, mtimes of at
 * most 5,000 entries; node_modules and dot folders skipped). Used to retry a file that timed out only once
 * something changed, since the endless loop may be in a helper file.
 */
export async function folderFingerprint(folder: string): Promise<string> {
  const parts: string[] = [];
  const walk = async (dir: string, rel: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (parts.length >= MAX_FINGERPRINT_ENTRIES) return;
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && !e.name.startsWith('.')) await walk(path, `${rel}${e.name}/`);
      } else {
        try {
          const s = await stat(path);
          parts.push(`${rel}${e.name}:${s.size}:${s.mtimeMs}`);
        } catch {
          parts.push(`${rel}${e.name}:gone`);
        }
      }
    }
  };
  await walk(folder, '');
  return parts.join('|');
}
