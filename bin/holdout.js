#!/usr/bin/env node
// The `holdout` command. The code lives in the build (out/main/cli.js); `npm install` builds it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('holdout: the app is not built yet. Run: npm run build\n');
  process.exit(2);
}
const { main } = await import(cli);
process.exitCode = await main(process.argv.slice(2));
