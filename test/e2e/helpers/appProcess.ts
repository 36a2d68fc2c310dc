// Starts the real app the way a user does (`npm start`'s script, forced into browser mode) in a child process
// with its own data folder, and reads the URL it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../../helpers/paths';

export interface RunningApp {
  url: string;
  origin: string;
  output: () => string;
  stop(): Promise<number | null>;
}

export async function startApp(dataDir: string): Promise<RunningApp> {
  const child: ChildProcess = spawn(process.execPath, [join(repoRoot, 'bin/start.js')], {
    env: { ...process.env, HOLDOUT_HOME: dataDir, HOLDOUT_BROWSER_MODE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the app printed no URL within 60 s:\n${output}`)), 60_000);
    const check = () => {
      const m = /Open: (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => reject(new Error(`the app exited (${code}) before printing a URL:\n${output}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}
