#!/usr/bin/env node
// Runs the benchmarks: each bench/*.bench.ts is bundled with esbuild and run in a fresh Node process, so its
// timings and peak memory are its own. `npm run bench` runs all; `npm run bench -- csv` runs those matching "csv".
// Benchmarks print numbers; they assert nothing.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const filter = process.argv[2];
const benches = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();
if (benches.length === 0) {
  console.error(`no benchmark matches "${filter}"`);
  process.exit(1);
}
const outDir = join(root, '.tmp', 'bench');
mkdirSync(outDir, { recursive: true });
let failed = 0;
for (const file of benches) {
  const outfile = join(outDir, file.replace(/\.ts$/, '.mjs'));
  await build({
    entryPoints: [join(root, 'bench', file)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  console.log(`\n=== ${file}`);
  const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=16384', outfile], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.error(`${file} exited with ${r.status}`);
  }
}
process.exit(failed ? 1 : 0);
