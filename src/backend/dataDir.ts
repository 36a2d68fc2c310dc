// Where Holdout keeps its data outside Electron: $HOLDOUT_HOME, else $XDG_DATA_HOME/holdout, else
// ~/.local/share/holdout. The Electron app uses its userData folder instead.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export function resolveDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.HOLDOUT_HOME) return resolve(env.HOLDOUT_HOME);
  const base = env.XDG_DATA_HOME ? resolve(env.XDG_DATA_HOME) : join(homedir(), '.local', 'share');
  return join(base, 'holdout');
}

export const DATABASE_FILE = 'holdout.sqlite';
