// User strategies through the real back end and the built worker threads: the strategies folder with its README
// and example, compiling TS that imports 'holdout' and a local helper, code hashes that follow the helper, compile
// and run-time errors that name file and line, files that export nothing, and endless loops stopped by the time
// limit without taking the app down.
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rejectionOf } from '../helpers/rejection';
import { createBackend, type Backend, type BackendOptions } from '../../src/backend';
import { assertBuilt, fixturesDir, outMain, reference, resourcesDir } from '../helpers/paths';
import { useTempDir } from '../helpers/tempDir';

assertBuilt();
const tempDir = useTempDir('holdout-user-strategies-');
const open: Backend[] = [];
afterAll(async () => {
  await Promise.all(open.map((b) => b.close()));
});

const FIXTURES = join(fixturesDir, 'strategies');
const TIME_LIMIT_MS = 2000;

/** A back end on a fresh data folder whose strategies folder holds the given fixtures (".txt" dropped). */
function backendWith(fixtures: string[], options: Partial<BackendOptions> = {}): { backend: Backend; folder: string } {
  const dataDir = tempDir();
  const folder = join(dataDir, 'strategies');
  if (fixtures.length > 0) mkdirSync(folder, { recursive: true });
  for (const f of fixtures) {
    const to = join(folder, f.replace(/\.txt$/, ''));
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(join(FIXTURES, f), to);
  }
  const backend = createBackend({
    dataDir,
    mode: 'cli',
    version: '0.0.0-test',
    workerDir: outMain,
    resourcesDir,
    backtestTimeLimitMs: TIME_LIMIT_MS,
    ...options,
  });
  open.push(backend);
  return { backend, folder };
}

async function importMsft(backend: Backend): Promise<string> {
  const { dataset } = await backend.api.datasets.import({ source: { kind: 'path', path: reference('msft.csv') } });
  return dataset.id;
}

describe('the strategies folder', () => {
  it('is created with a README and a working example strategy that lists and runs', async () => {
    const { backend, folder } = backendWith([]);
    expect(readdirSync(folder).sort()).toEqual(['README.md', 'example-momentum.ts']);
    expect(readFileSync(join(folder, 'README.md'), 'utf8')).toContain("from 'holdout'");

    const strategies = await backend.api.strategies.list({});
    expect(strategies.filter((s) => s.source === 'builtin').length).toBeGreaterThanOrEqual(7);
    const example = strategies.find((s) => s.name === 'example-momentum');
    expect(example).toMatchObject({ source: 'user', version: '1.0.0', file: join(folder, 'example-momentum.ts') });
    expect(example!.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(example!.params.map((p) => p.name)).toEqual(['lookback', 'trend', 'mode']);
    expect(await backend.api.strategies.problems({})).toEqual({ folder, problems: [] });

    const datasetId = await importMsft(backend);
    const report = await backend.api.backtests.run({ datasetId, strategy: 'example-momentum', params: { lookback: 20, trend: 50, mode: 'long-short' } });
    expect(report.strategy).toEqual({ name: 'example-momentum', version: '1.0.0', codeHash: example!.codeHash });
    expect(report.positionChanges).toBeGreaterThan(0);
    expect(report.indicatorCache.misses).toBeGreaterThan(0);
  });

  it('gets no example when it already holds files', () => {
    const { folder } = backendWith(['no-export.ts']);
    expect(readdirSync(folder).sort()).toEqual(['README.md', 'no-export.ts']);
  });
});

describe('user strategies', () => {
  it("compiles a TS strategy that imports 'holdout' and a local helper, runs it, and hashes the code, helper included", async () => {
    const { backend, folder } = backendWith(['trend-follow.ts', 'lib/signals.ts']);
    const datasetId = await importMsft(backend);
    const list = async () => (await backend.api.strategies.list({})).find((s) => s.name === 'trend-follow')!;
    const info = await list();
    expect(info).toMatchObject({ source: 'user', label: 'Trend follow (fixture)', version: '1.2.0', file: join(folder, 'trend-follow.ts') });
    expect(info.params).toEqual([{ type: 'int', name: 'period', label: 'SMA period', low: 2, high: 100, default: 20 }]);
    // The helper is not a strategy (it is in a subfolder), and nothing failed.
    expect((await backend.api.strategies.problems({})).problems).toEqual([]);
    expect((await list()).codeHash).toBe(info.codeHash);

    const report = await backend.api.backtests.run({ datasetId, strategy: 'trend-follow', params: { period: 20 } });
    expect(report.strategy).toEqual({ name: 'trend-follow', version: '1.2.0', codeHash: info.codeHash });
    expect(report.params).toEqual({ period: 20 });
    expect(report.trades.pnl.length).toBeGreaterThan(0);

    // Editing only the helper changes the code hash, in the listing and in the results, and the behaviour.
    const helper = join(folder, 'lib/signals.ts');
    writeFileSync(helper, readFileSync(helper, 'utf8').replace('LONG_EXPOSURE = 1;', 'LONG_EXPOSURE = 0.5;'));
    const edited = await list();
    expect(edited.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(edited.codeHash).not.toBe(info.codeHash);
    const after = await backend.api.backtests.run({ datasetId, strategy: 'trend-follow', params: { period: 20 } });
    expect(after.strategy.codeHash).toBe(edited.codeHash);
    expect(after.finalEquity).not.toBe(report.finalEquity);
  });

  it('reports a syntax error and a file without a strategy with file and line, and lists the rest', async () => {
    const { backend, folder } = backendWith(['syntax-error.ts.txt', 'no-export.ts', 'trend-follow.ts', 'lib/signals.ts']);
    const names = (await backend.api.strategies.list({})).map((s) => s.name);
    expect(names).toContain('trend-follow');
    expect(names).not.toContain('syntax-error');

    const { folder: reported, problems } = await backend.api.strategies.problems({});
    expect(reported).toBe(folder);
    expect(problems.map((p) => p.file).sort()).toEqual(['no-export.ts', 'syntax-error.ts']);
    const syntax = problems.find((p) => p.file === 'syntax-error.ts')!;
    expect(syntax.line).toBe(9);
    expect(syntax.column).toEqual(expect.any(Number));
    expect(syntax.message).toMatch(/^syntax-error\.ts:9:\d+: /);
    const noExport = problems.find((p) => p.file === 'no-export.ts')!;
    expect(noExport.line).toBeUndefined();
    expect(noExport.message).toContain('does not export a strategy');
    expect(noExport.message).toContain('export default');
    expect(noExport.message).toContain("'period', 'targets'");

    // Asking for a strategy that failed to load names the failed files.
    const datasetId = await importMsft(backend);
    const unknown = await rejectionOf(backend.api.backtests.run({ datasetId, strategy: 'syntax-error' }));
    expect(unknown.code).toBe('INVALID_REQUEST');
    expect(unknown.message).toContain('syntax-error.ts');
    expect(unknown.message).toContain('trend-follow');
  });

  it('maps an error thrown in targets() to the file and line that threw', async () => {
    const { backend } = backendWith(['runtime-error.ts']);
    const datasetId = await importMsft(backend);
    const err = await rejectionOf(backend.api.backtests.run({ datasetId, strategy: 'runtime-error', params: { failAt: 10 } }));
    expect(err.code).toBe('INVALID_DATA');
    expect(err.message).toBe('runtime-error.ts:17: no signal defined for bar 10');
    expect(err.location).toEqual({ file: 'runtime-error.ts', line: 17 });
  });

  it('maps errors in imported helper files, at run time and at compile time, to the helper', async () => {
    const { backend, folder } = backendWith([]);
    mkdirSync(join(folder, 'lib'));
    writeFileSync(join(folder, 'lib/fail.ts'), 'export function fail(n: number): never {\n  throw new TypeError(`bad bar ${n}`);\n}\n');
    writeFileSync(
      join(folder, 'helper-throws.ts'),
      [
        "import { defineStrategy } from 'holdout';",
        "import { fail } from './lib/fail';",
        'export default defineStrategy({',
        "  name: 'helper-throws', label: 'Helper throws', version: '0.1.0', description: 'Fails in its helper.', params: [],",
        '  targets: (data: { length: number }) => (data.length > 0 ? fail(3) : new Float64Array(0)),',
        '});',
        '',
      ].join('\n'),
    );
    writeFileSync(join(folder, 'lib/broken.ts'), 'export const x = ;\n');
    writeFileSync(join(folder, 'imports-broken.ts'), "import { x } from './lib/broken';\nexport default x;\n");
    writeFileSync(join(folder, 'imports-npm.ts'), "import _ from 'lodash';\nexport default _;\n");

    const { problems } = await backend.api.strategies.problems({});
    const broken = problems.find((p) => p.file === 'lib/broken.ts')!;
    expect(broken).toMatchObject({ line: 1, column: 18 });
    expect(broken.message).toMatch(/^lib\/broken\.ts:1:18: .*\(imported by imports-broken\.ts\)$/);
    const npm = problems.find((p) => p.file === 'imports-npm.ts')!;
    expect(npm.line).toBe(1);
    expect(npm.message).toContain("only 'holdout' and relative files can be imported");

    const datasetId = await importMsft(backend);
    const err = await rejectionOf(backend.api.backtests.run({ datasetId, strategy: 'helper-throws' }));
    expect(err.code).toBe('INVALID_DATA');
    expect(err.message).toBe("lib/fail.ts:2: TypeError: bad bar 3 (strategy 'helper-throws' in helper-throws.ts)");
    expect(err.location).toEqual({ file: 'lib/fail.ts', line: 2 });
  });

  it('refuses a name taken by a built-in or by another file, and a declaration that fails its own checks', async () => {
    const { backend, folder } = backendWith(['trend-follow.ts', 'lib/signals.ts']);
    const declare = (name: string, extra = '') =>
      `export default { name: '${name}', label: 'L', version: '1.0.0', description: 'D', params: [${extra}], targets: (d: { length: number }) => new Float64Array(d.length) };\n`;
    writeFileSync(join(folder, 'builtin-clash.ts'), declare('sma-crossover'));
    writeFileSync(join(folder, 'zz-duplicate.ts'), declare('trend-follow'));
    writeFileSync(join(folder, 'bad-default.ts'), declare('bad-default', "{ name: 'n', label: 'N', type: 'int', low: 1, high: 5, default: 9 }"));
    writeFileSync(join(folder, 'not-an-object.js'), 'export const strategy = 42;\n');
    writeFileSync(join(folder, 'missing-targets.mjs'), "export default { name: 'missing-targets', label: 'L', version: '1.0.0', description: 'D', params: [] };\n");

    const builtins = (await backend.api.strategies.list({})).filter((s) => s.name === 'sma-crossover');
    expect(builtins).toHaveLength(1);
    expect(builtins[0].source).toBe('builtin');
    const { problems } = await backend.api.strategies.problems({});
    const message = (file: string) => problems.find((p) => p.file === file)?.message;
    expect(message('builtin-clash.ts')).toContain("the name 'sma-crossover' belongs to a built-in strategy");
    expect(message('zz-duplicate.ts')).toContain("strategy 'trend-follow' is already defined in trend-follow.ts");
    expect(message('bad-default.ts')).toContain('the defaults are invalid');
    expect(message('not-an-object.js')).toContain("the export 'strategy' is not a strategy: it is number");
    expect(message('missing-targets.mjs')).toContain('targets (a function');
  });

  it('runs a file added after the last listing, and says so when a file no longer defines the strategy asked for', async () => {
    const { backend, folder } = backendWith(['trend-follow.ts', 'lib/signals.ts']);
    const datasetId = await importMsft(backend);
    await backend.api.strategies.list({});
    copyFileSync(join(FIXTURES, 'runtime-error.ts'), join(folder, 'later.ts'));
    const ok = await backend.api.backtests.run({ datasetId, strategy: 'runtime-error', params: { failAt: 1000 } });
    expect(ok.strategy.name).toBe('runtime-error');

    const file = join(folder, 'trend-follow.ts');
    writeFileSync(file, readFileSync(file, 'utf8').replace("name: 'trend-follow'", "name: 'trend-follow-2'"));
    const stale = await rejectionOf(backend.api.backtests.run({ datasetId, strategy: 'trend-follow' }));
    expect(stale.code).toBe('NOT_FOUND');
    expect(stale.message).toBe("trend-follow.ts no longer defines strategy 'trend-follow' (it now defines 'trend-follow-2').");
    const renamed = await backend.api.backtests.run({ datasetId, strategy: 'trend-follow-2' });
    expect(renamed.strategy.name).toBe('trend-follow-2');
  });

  it('stops a strategy that loops forever after the time limit, naming it, while the app stays responsive and later backtests work', async () => {
    const { backend } = backendWith(['endless-loop.ts', 'trend-follow.ts', 'lib/signals.ts']);
    const datasetId = await importMsft(backend);
    await backend.api.strategies.list({});

    let ticks = 0;
    const ticker = setInterval(() => ticks++, 50);
    const started = performance.now();
    const looping = rejectionOf(backend.api.backtests.run({ datasetId, strategy: 'endless-loop' }));
    // The main thread keeps serving requests while the worker spins.
    await new Promise((r) => setTimeout(r, 500));
    const t0 = performance.now();
    expect((await backend.api.datasets.list({})).length).toBe(1);
    expect(performance.now() - t0).toBeLessThan(500);
    const err = await looping;
    const elapsed = performance.now() - started;
    clearInterval(ticker);

    expect(err.code).toBe('CANCELLED');
    expect(err.message).toContain("'endless-loop'");
    expect(err.message).toContain('endless-loop.ts');
    expect(err.message).toContain('took longer than 2 s');
    expect(err.location).toMatchObject({ file: 'endless-loop.ts', field: 'strategy' });
    expect(elapsed).toBeGreaterThanOrEqual(TIME_LIMIT_MS - 50);
    expect(elapsed).toBeLessThan(TIME_LIMIT_MS + 3000);
    expect(ticks).toBeGreaterThan(20);

    // A fresh worker serves the next backtests, user and built-in.
    const user = await backend.api.backtests.run({ datasetId, strategy: 'trend-follow' });
    expect(user.strategy.name).toBe('trend-follow');
    const builtin = await backend.api.backtests.run({ datasetId, strategy: 'sma-crossover', params: { fast: 5, slow: 20 } });
    expect(builtin.bars).toBe(249);
  });

  it('stops a file whose top-level code never finishes loading, lists the others, and does not retry it until a file changes', async () => {
    const { backend, folder } = backendWith(['endless-load.ts', 'trend-follow.ts', 'lib/signals.ts'], { strategyLoadTimeLimitMs: 1500 });
    const started = performance.now();
    const names = (await backend.api.strategies.list({})).map((s) => s.name);
    expect(performance.now() - started).toBeLessThan(1500 + 4000);
    expect(names).toContain('trend-follow');
    expect(names).not.toContain('endless-load');

    const again = performance.now();
    const { problems } = await backend.api.strategies.problems({});
    expect(performance.now() - again).toBeLessThan(1000);
    expect(problems).toHaveLength(1);
    expect(problems[0].file).toBe('endless-load.ts');
    expect(problems[0].message).toContain('took longer than 1.5 s');

    // Fixed: loads on the next listing.
    writeFileSync(join(folder, 'endless-load.ts'), readFileSync(join(folder, 'endless-load.ts'), 'utf8').replace('for (;;) spins++;', 'spins++;'));
    expect((await backend.api.strategies.list({})).map((s) => s.name)).toContain('endless-load');
    expect((await backend.api.strategies.problems({})).problems).toEqual([]);
    expect(existsSync(join(folder, 'example-momentum.ts'))).toBe(false);
  });
});
