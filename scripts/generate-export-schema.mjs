#!/usr/bin/env node
// Writes resources/holdout-export.schema.json from the zod definition in src/shared/exportSchemas.ts (the one
// source of the export format). Run it after changing the format: node scripts/generate-export-schema.mjs
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, '.tmp', 'schema');
mkdirSync(outDir, { recursive: true });
const outfile = join(outDir, 'exportSchemas.mjs');
await build({
  entryPoints: [join(root, 'src/shared/exportSchemas.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
});
const { exportJsonSchemaText } = await import(pathToFileURL(outfile).href);
const target = join(root, 'resources', 'holdout-export.schema.json');
writeFileSync(target, exportJsonSchemaText());
rmSync(outfile);
console.log(`wrote ${target}`);
