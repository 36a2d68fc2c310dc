// Writes a file so that readers see either the old file (or none) or the whole new one: a temporary file in the
// same folder (same file system, so the rename is atomic), flushed to disk with fsync, then renamed over the target.
// On any failure the temporary file is removed and nothing is left at the target path.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** Test hook: runs after the temporary file is written and flushed, before the rename. */
  beforeRename?: (tempPath: string) => void;
}

export function writeFileAtomic(path: string, content: string, options: AtomicWriteOptions = {}): void {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', 0o644);
  let renamed = false;
  try {
    try {
      writeSync(fd, content, null, 'utf8');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    options.beforeRename?.(temp);
    renameSync(temp, path);
    renamed = true;
  } finally {
    if (!renamed) {
      try {
        unlinkSync(temp);
      } catch (cleanupError) {
        // The write's own error is the one to report; a temp file we could not remove is worth a warning.
        if ((cleanupError as NodeJS.ErrnoException).code !== 'ENOENT') console.warn(`[holdout] could not remove ${temp}:`, cleanupError);
      }
    }
  }
}
