// Throughput of the streaming CSV bar parser: 1e6 in-memory OHLCV rows pushed in 64 KiB chunks, reported in rows/s.
// Run: `node bench/run.js csvParser` (or `npm run bench -- csvParser`, which builds the app first).
import { CsvBarParser } from '../src/core/data/csv/index';
import { Rng } from '../src/core/random/index';

const ROWS = 1_000_000;
const PUSH_BYTES = 64 * 1024;
const RUNS = 5;

type TimeStyle = 'iso-datetime' | 'iso-date' | 'epoch-seconds';

/**
 * OHLCV rows around 100 (mean-reverting, so prices stay realistic over a million rows) with `decimals` places;
 * 17 significant digits mimics files written from doubles with full precision, which take Number()'s slow path.
 */
function buildCsv(rows: number, style: TimeStyle, decimals: number | 'full'): Uint8Array {
  const rng = new Rng(42);
  const fmt = (x: number): string => (decimals === 'full' ? String(x) : String(Number(x.toFixed(decimals))));
  const lines: string[] = ['date,open,high,low,close,volume'];
  let logPrice = Math.log(100);
  const t0 = Date.UTC(1990, 0, 1);
  for (let i = 0; i < rows; i++) {
    const open = Math.exp(logPrice);
    logPrice += -0.001 * (logPrice - Math.log(100)) + 0.001 * rng.normal();
    const close = Math.exp(logPrice);
    const high = Math.max(open, close) * (1 + 0.0005 * Math.abs(rng.normal()));
    const low = Math.min(open, close) * (1 - 0.0005 * Math.abs(rng.normal()));
    const [o, h, l, c] = [open, high, low, close].map(fmt).map(Number);
    const hi = Math.max(o, h, c);
    const lo = Math.min(o, l, c);
    const t =
      style === 'iso-date'
        ? new Date(t0 + i * 86_400_000).toISOString().slice(0, 10)
        : style === 'epoch-seconds'
          ? String(t0 / 1000 + i * 60)
          : new Date(t0 + i * 60_000).toISOString().slice(0, 19) + 'Z';
    lines.push(`${t},${o},${hi},${lo},${c},${1000 + rng.nextInt(1_000_000)}`);
  }
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

/** Best of RUNS, by wall time and by this process's CPU time (steadier when other processes share the cores). */
function run(name: string, bytes: Uint8Array): void {
  let bestWall = Infinity;
  let bestCpu = Infinity;
  let rows = 0;
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const parser = new CsvBarParser({ fileName: 'bench.csv' });
    for (let off = 0; off < bytes.length; off += PUSH_BYTES) parser.push(bytes.subarray(off, off + PUSH_BYTES));
    rows = parser.finish().rows;
    const cpu = process.cpuUsage(c0);
    bestWall = Math.min(bestWall, performance.now() - t0);
    bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1000);
  }
  const mb = bytes.length / 1e6;
  console.log(
    `${name.padEnd(50)} ${rows} rows, ${mb.toFixed(1)} MB: ` +
      `wall ${bestWall.toFixed(0)} ms = ${(rows / bestWall / 1000).toFixed(2)} M rows/s (${((mb / bestWall) * 1000).toFixed(0)} MB/s); ` +
      `cpu ${bestCpu.toFixed(0)} ms = ${(rows / bestCpu / 1000).toFixed(2)} M rows/s`,
  );
}

run('ISO date-time (1-minute), 4 decimals', buildCsv(ROWS, 'iso-datetime', 4));
run('ISO date, 2 decimals', buildCsv(ROWS, 'iso-date', 2));
run('epoch seconds, 4 decimals', buildCsv(ROWS, 'epoch-seconds', 4));
run('ISO date-time, full double precision (slow path)', buildCsv(ROWS, 'iso-datetime', 'full'));
