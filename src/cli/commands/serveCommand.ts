// `holdout serve`: browser mode. The back end and the built renderer on 127.0.0.1, guarded by a per-run token
// that the printed URL carries once. Runs until Ctrl+C, then stops work and closes the database cleanly.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { HoldoutError } from '../../shared';
import { startBrowserServer } from '../../server';
import type { CliRuntime } from '../runtime';

export interface ServeOptions {
  port?: number;
  /** Printed before the URL, e.g. why browser mode was chosen. */
  banner?: string;
}

export function registerServeCommand(program: Command, runtime: CliRuntime): void {
  program
    .command('serve')
    .description('Start Holdout in browser mode on 127.0.0.1 and print the URL to open')
    .option('--port <port>', 'port to listen on (default: a free port)', parsePort)
    .action((opts: { port?: number }) => serve(runtime, opts));
}

export async function serve(runtime: CliRuntime, opts: ServeOptions): Promise<void> {
  if (!existsSync(join(runtime.rendererDir, 'index.html'))) {
    throw new HoldoutError('UNSUPPORTED', `The renderer is not built (${runtime.rendererDir} is missing). Run: npm run build`);
  }
  const backend = runtime.openBackend('browser');
  let server;
  try {
    server = await startBrowserServer({ backend, rendererDir: runtime.rendererDir, port: opts.port });
  } catch (err) {
    await backend.close();
    throw err;
  }
  if (opts.banner) process.stdout.write(`${opts.banner}\n`);
  process.stdout.write(
    `Holdout ${runtime.version} is running in browser mode.\n` +
      `  Open: ${server.url}\n` +
      `  Data: ${backend.databasePath}\n` +
      `Press Ctrl+C to stop.\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  process.stdout.write('Stopping…\n');
  await server.close();
  await backend.close();
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('expected a port number 0-65535.');
  return port;
}
