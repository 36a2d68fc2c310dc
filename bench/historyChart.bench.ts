// Fluidity of the optimisation history chart with 10,000 trials, in the real renderer page (browser mode, served
// by the app under its CSP) in Chromium with --disable-gpu (software GL: SwiftShader). A 10,000-trial random-search
// study of sma-crossover on ttrc.csv is run once through the back end into a fresh data folder; then the study page
// is opened twice: with WebGL (scattergl traces) and with WebGL disabled (--disable-webgl, so the chart falls back
// to SVG traces by itself). Reported: time from navigation to the chart's first complete draw, plotly's own time
// for that draw, and requestAnimationFrame intervals (p50/p95/max, frames over 50 ms) during a scripted sequence
// of 8 wheel zooms and a 40-step pan drag, with the renderer's main-thread busy time over each phase. Run: npx electron-vite build && node bench/run.js historyChart
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { createBackend } from '../src/backend';
import { startApp } from '../test/e2e/helpers/appProcess';

const root = process.cwd();
const TRIALS = Number(process.env.HOLDOUT_BENCH_TRIALS ?? 10_000);
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

async function createStudy(dataDir: string): Promise<{ id: string; seconds: number }> {
  const backend = createBackend({ dataDir, mode: 'cli', version: '0.0.0-bench', workerDir: resolve(root, 'out/main'), resourcesDir: resolve(root, 'resources') });
  try {
    const { dataset } = await backend.api.datasets.import({ source: { kind: 'path', path: resolve(root, '../shared/reference/ttrc.csv') } });
    const t0 = performance.now();
    const created = await backend.api.studies.create({
      datasetId: dataset.id,
      strategy: 'sma-crossover',
      sampler: 'random',
      budget: { trials: TRIALS },
      workers: 1,
      seed: 1,
      config: { fill: 'close', commissionBps: 1 },
    });
    const summary = await backend.studies.wait(created.id);
    if (summary.counts.complete < TRIALS * 0.9) throw new Error(`the study completed only ${summary.counts.complete} of ${TRIALS} trials`);
    return { id: created.id, seconds: (performance.now() - t0) / 1000 };
  } finally {
    await backend.close();
  }
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

interface Measured {
  renderer: string;
  points: number;
  firstDrawMs: number;
  plotlyDrawMs: number;
  /** rAF intervals during the wheel zooms and during the pan drag. */
  zoom: number[];
  pan: number[];
  /** Renderer main-thread busy time (CDP Performance.TaskDuration) during the zooms and the pan: less sensitive to other jobs than wall-clock frames. */
  zoomBusyMs: number;
  panBusyMs: number;
}

/** Opens the study page, waits for the history chart's first complete draw, then zooms and pans it while recording frames. */
async function measure(page: Page, url: string): Promise<Measured> {
  await page.goto(url);
  const frame = page.getByTestId('history-chart-frame');
  await page.waitForFunction(
    (n) => {
      const f = document.querySelector('[data-testid="history-chart-frame"]') as HTMLElement | null;
      const chart = document.querySelector('[data-testid="history-chart"]') as HTMLElement | null;
      return f !== null && Number(f.dataset.points) >= n && chart !== null && Number(chart.dataset.draws ?? 0) > 0;
    },
    Math.floor(TRIALS * 0.9),
    { timeout: 120_000, polling: 'raf' },
  );
  const firstDrawMs = await page.evaluate(() => performance.now());
  const renderer = (await frame.getAttribute('data-renderer')) ?? '?';
  const points = Number(await frame.getAttribute('data-points'));
  const plotlyDrawMs = Number(await page.getByTestId('history-chart').getAttribute('data-draw-ms'));
  await page.waitForTimeout(1000);

  const box = (await page.getByTestId('history-chart').locator('.nsewdrag').first().boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__frames = [];
    w.__recording = true;
    let last = performance.now();
    const tick = (t: number) => {
      w.__frames.push(t - last);
      last = t;
      if (w.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const mark = () => page.evaluate(() => (window as unknown as { __frames: number[] }).__frames.length);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const busy = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN) * 1000;
  };
  const busyZoom0 = await busy();
  await page.mouse.move(cx, cy);
  const zoomStart = await mark();
  for (let i = 0; i < 8; i++) {
    await page.mouse.wheel(0, -120);
    await page.waitForTimeout(60);
  }
  await page.waitForTimeout(300);
  const zoomEnd = await mark();
  const busyZoom1 = await busy();
  await page.getByTestId('history-chart').locator('.modebar-btn[data-val="pan"]').first().click();
  await page.mouse.move(cx, cy);
  const panStart = await mark();
  const busyPan0 = await busy();
  await page.mouse.down();
  for (let i = 1; i <= 40; i++) {
    await page.mouse.move(cx - i * 6, cy + (i % 10) * 2);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  await page.waitForTimeout(500);
  const busyPan1 = await busy();
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    return w.__frames;
  });
  return {
    renderer,
    points,
    firstDrawMs,
    plotlyDrawMs,
    zoom: frames.slice(zoomStart + 1, zoomEnd),
    pan: frames.slice(panStart + 1),
    zoomBusyMs: busyZoom1 - busyZoom0,
    panBusyMs: busyPan1 - busyPan0,
  };
}

const dataDir = mkdtempSync(join(tmpdir(), 'holdout-bench-history-'));
try {
  const study = await createStudy(dataDir);
  console.log(`${TRIALS}-trial random-search study created in ${study.seconds.toFixed(1)} s`);
  const app = await startApp(dataDir);
  try {
    const rows: Measured[] = [];
    for (const extra of [[], ['--disable-webgl']]) {
      const browser = await chromium.launch({ executablePath: process.env.HOLDOUT_CHROMIUM ?? '/usr/bin/chromium', args: [...ARGS, ...extra] });
      try {
        const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        page.on('console', (m) => {
          if (m.type() === 'error') errors.push(m.text());
        });
        rows.push(await measure(page, `${app.url}#/studies/${study.id}`));
        if (errors.length > 0) console.log(`page errors (${extra.join(' ') || 'default'}): ${errors.join(' | ')}`);
      } finally {
        await browser.close();
      }
    }
    console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} CPUs (other jobs inflate frame times)`);
    console.log('renderer  points  first draw ms  plotly draw ms  phase  frames  frame p50 ms  frame p95 ms  frame max ms  frames > 50 ms  main busy ms');
    for (const r of rows) {
      for (const [phase, frames, busyMs] of [['zoom', r.zoom, r.zoomBusyMs], ['pan', r.pan, r.panBusyMs]] as const) {
        const sorted = [...frames].sort((a, b) => a - b);
        console.log(
          `${r.renderer.padEnd(8)}  ${String(r.points).padStart(6)}  ${r.firstDrawMs.toFixed(0).padStart(13)}  ${r.plotlyDrawMs.toFixed(0).padStart(14)}  ${phase.padEnd(5)}  ${String(sorted.length).padStart(6)}  ${quantile(sorted, 0.5).toFixed(1).padStart(12)}  ${quantile(sorted, 0.95).toFixed(1).padStart(12)}  ${(sorted.at(-1) ?? Number.NaN).toFixed(1).padStart(12)}  ${String(sorted.filter((f) => f > 50).length).padStart(14)}  ${busyMs.toFixed(0).padStart(12)}`,
        );
      }
    }
  } finally {
    await app.stop();
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
