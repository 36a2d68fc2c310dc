// Numbers for the foundation issue: CSV import throughput (bars/s) and peak RSS for generated 1e6- and 1e7-bar
// OHLCV files, through the real back end (parser in a worker thread, chunks written to SQLite on the main
// thread), and the time to load a 1e6-bar dataset from the store into typed arrays.
// Each size runs in its own child process so its peak RSS is its own.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend } from '../src/backend';

const root = process.cwd();
const dataDir = resolve(root, '.tmp', 'bench-data');

async function writeOhlcv(file: string, bars: number): Promise<void> {
  const out = createWriteStream(file, { highWaterMark: 1 << 22 });
  out.write('date,open,high,low,close,volume\n');
  let price = 100;
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const t0 = Date.UTC(2000, 0, 3) / 1000;
  let buf = '';
  for (let i = 0; i < bars; i++) {
    const open = price;
    const close = Math.max(1, open * (1 + (rand() - 0.5) * 0.004));
    const high = Math.max(open, close) * (1 + rand() * 0.001);
    const low = Math.min(open, close) * (1 - rand() * 0.001);
    price = close;
    // Minute bars as epoch seconds: a realistic intraday export.
    buf += `${t0 + i * 60},${open.toFixed(4)},${high.toFixed(4)},${low.toFixed(4)},${close.toFixed(4)},${Math.floor(rand() * 10000)}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise<void>((r) => out.once('drain', () => r()));
      buf = '';
    }
  }
  out.write(buf);
  await new Promise<void>((r, j) => out.end((e?: Error | null) => (e ? j(e) : r())));
}

async function measure(file: string): Promise<void> {
  const home = mkdtempSync(join(tmpdir(), 'holdout-bench-'));
  const backend = createBackend({ dataDir: home, mode: 'cli', version: 'bench', workerDir: resolve(root, 'out/main'), resourcesDir: resolve(root, 'resources') });
  try {
    // What the process holds before any data: Node, the SQLite connection, module code. Reported so the ratio to
    // the columnar size can be read for the data alone too.
    const baselineRss = process.memoryUsage().rss;
    const t0 = performance.now();
    const result = await backend.api.datasets.import({ source: { kind: 'path', path: file } });
    const seconds = (performance.now() - t0) / 1000;
    const { bars, columns } = result.dataset;
    const columnarBytes = bars * columns.length * 8;
    const peakRss = process.resourceUsage().maxRSS * 1024;
    const loads: number[] = [];
    for (let i = 0; i < 5; i++) {
      const l0 = performance.now();
      backend.store.loadBars(result.dataset.id);
      loads.push(performance.now() - l0);
    }
    loads.sort((a, b) => a - b);
    console.log(
      JSON.stringify({
        file: file.split('/').pop(),
        fileMB: +(statSync(file).size / 1e6).toFixed(1),
        bars,
        seconds: +seconds.toFixed(2),
        barsPerSecond: Math.round(bars / seconds),
        columnarMB: +(columnarBytes / 1e6).toFixed(1),
        peakRssMB: +(peakRss / 1e6).toFixed(1),
        peakRssOverColumnar: +(peakRss / columnarBytes).toFixed(2),
        baselineRssMB: +(baselineRss / 1e6).toFixed(1),
        peakAboveBaselineOverColumnar: +((peakRss - baselineRss) / columnarBytes).toFixed(2),
        loadFromStoreMs: { median: +loads[2].toFixed(1), min: +loads[0].toFixed(1) },
      }),
    );
  } finally {
    await backend.close();
    rmSync(home, { recursive: true, force: true });
  }
}

const fileArg = process.argv.indexOf('--file');
if (fileArg > 0) {
  await measure(process.argv[fileArg + 1]);
} else {
  mkdirSync(dataDir, { recursive: true });
  const sizes = (process.env.HOLDOUT_BENCH_SIZES ?? '1e6,1e7').split(',');
  for (const size of sizes) {
    const bars = Number(size);
    const file = join(dataDir, `ohlcv-${size}.csv`);
    if (!existsSync(file)) {
      process.stdout.write(`generating ${file} … `);
      await writeOhlcv(file, bars);
      console.log(`${(statSync(file).size / 1e6).toFixed(0)} MB`);
    }
    const self = fileURLToPath(import.meta.url);
    const r = spawnSync(process.execPath, ['--max-old-space-size=16384', self, '--file', file], { stdio: 'inherit' });
    if (r.status !== 0) process.exitCode = 1;
  }
}
