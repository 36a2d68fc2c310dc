// End to end: a finished two-objective TPE study of macd-trend (three numeric parameters and a categorical one) on the synthetic sample,
// created from the UI; its Parameters tab (opened from the tab bar, and by its own address) draws every view:
// parallel coordinates, importance, slices, partial dependence, the GP contour and 3-D surface, the Pareto front
// and the objective's distribution. Brushing the objective's axis of the parallel coordinates filters the trials
// table ("N of M trials match"), and clearing the filter restores it. Without WebGL (--disable-webgl) the charts
// fall back to SVG traces and say so. Screenshots in test/e2e/screenshots/.
import { chromium, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppSession } from './helpers/appSession';
import { screenshot } from './helpers/browser';

const session = useAppSession('holdout-e2e-parameters-');
const TRIALS = 60;
/** The flags test/e2e/helpers/browser.ts launches Chromium with. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
let studyId = '';

/**
 * Strongly coloured pixels in a horizontal band of the chart as it appears on screen (a screenshot, so WebGL
 * canvases count whatever their drawing-buffer settings): the traces use saturated colours, the axes, grid and
 * text do not. `from`/`to` are fractions of the chart's width, to leave out a colour bar.
 */
async function colouredPixels(page: Page, testId: string, from = 0, to = 1): Promise<number> {
  const chart = page.getByTestId(testId);
  await chart.scrollIntoViewIfNeeded();
  const png = (await chart.screenshot()).toString('base64');
  return page.evaluate(
    async ({ png, from, to }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${png}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
      ctx.drawImage(img, 0, 0);
      const x0 = Math.floor(img.width * from);
      const pixels = ctx.getImageData(x0, 0, Math.max(1, Math.floor(img.width * to) - x0), img.height).data;
      let n = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        const max = Math.max(pixels[i], pixels[i + 1], pixels[i + 2]);
        const min = Math.min(pixels[i], pixels[i + 1], pixels[i + 2]);
        if (max - min > 60) n++;
      }
      return n;
    },
    { png, from, to },
  );
}

/** How many trials the table lists, from its "N trials" / "N of M trials" caption. */
async function tableCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('trial-count').textContent()) ?? '';
  return Number(/^([\d,]+)/.exec(text.trim())![1].replace(/,/g, ''));
}

describe('Parameters tab of a finished study, end to end', () => {
  it('runs a small two-objective TPE study of macd-trend from the UI to completion', async () => {
    const { page } = session;
    await page.goto(session.app.url);
    await page.getByTestId('load-sample').click();
    await page.getByTestId('sample-synthetic-daily').click();
    await page.locator('[data-testid="dataset-row"]').first().waitFor({ timeout: 30_000 });
    await page.getByTestId('nav-studies').click();
    await page.getByTestId('new-study-button').click();
    await page.getByTestId('strategy-select').selectOption('macd-trend');
    await page.getByTestId('space-signal').waitFor();
    await page.getByTestId('objective-metric-0').selectOption('sharpe');
    await page.getByTestId('add-objective').click();
    await page.getByTestId('objective-metric-1').selectOption('max_drawdown');
    await page.getByTestId('objective-direction-1').selectOption('maximize');
    await page.getByTestId('study-sampler').selectOption('tpe');
    await page.getByTestId('study-trials').fill(String(TRIALS));
    await page.getByTestId('study-workers').fill('1');
    await page.getByTestId('study-seed').fill('5');
    await page.getByTestId('create-study').click();
    await page.waitForURL(/#\/studies\/st_[0-9a-f]{16}$/, { timeout: 30_000 });
    studyId = /st_[0-9a-f]{16}/.exec(page.url())![0];
    await expect.poll(() => page.getByTestId('study-status').getAttribute('data-status'), { timeout: 120_000 }).toBe('completed');
    // The Trials tab is the default and holds the dashboard as before.
    expect(await page.getByTestId('study-tab-trials').getAttribute('aria-selected')).toBe('true');
    await page.getByTestId('history-chart').locator('.main-svg').first().waitFor();
  });

  it('opens the Parameters tab, with its own address, and draws every view', async () => {
    const { page } = session;
    await page.getByTestId('study-tab-parameters').click();
    await page.waitForURL(new RegExp(`#/studies/${studyId}/parameters$`));
    await page.getByTestId('parameters-tab').waitFor();
    // The address alone opens the tab (a reload, a bookmark).
    await page.reload();
    await page.getByTestId('parameters-tab').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('study-tab-parameters').getAttribute('aria-selected')).toBe('true');

    // Drawn from the trials at once: parallel coordinates (WebGL lines), slices (WebGL points), distribution (SVG).
    const lines = page.getByTestId('parallel-coordinates-frame');
    await expect.poll(async () => Number(await lines.getAttribute('data-lines')), { timeout: 30_000 }).toBeGreaterThanOrEqual(TRIALS * 0.8);
    await expect.poll(() => colouredPixels(page, 'parallel-coordinates', 0, 0.85), { timeout: 30_000 }).toBeGreaterThan(2000);
    // One axis per tuned parameter (fast, slow, signal, mode) and one for the objective.
    expect(await page.getByTestId('parallel-coordinates').locator('.axis-title').count()).toBe(5);
    await expect.poll(() => colouredPixels(page, 'slice-chart', 0, 0.85), { timeout: 30_000 }).toBeGreaterThan(500);
    expect(await page.getByTestId('distribution-chart').locator('.bars .point path').count()).toBeGreaterThan(3);
    expect(await page.getByTestId('distribution-chart').locator('.scatterlayer .js-line').count()).toBe(1);
    expect(await page.getByTestId('pareto-chart').locator('.scatterlayer .point').count()).toBeGreaterThan(TRIALS * 0.5);

    // From the back end's analysis: importance (two methods), partial dependence, the GP surface.
    await page.getByTestId('importance-chart').locator('.bars .point path').first().waitFor({ timeout: 120_000 });
    // Two bars (fANOVA, GP relevance) per parameter.
    expect(await page.getByTestId('importance-chart').locator('.bars .point path').count()).toBe(8);
    expect(await page.getByTestId('importance-panel').textContent()).toMatch(/fANOVA.*variance.*GP relevance.*length-scale/);
    await expect.poll(() => page.getByTestId('parameters-provenance').textContent(), { timeout: 30_000 }).toMatch(/from \d+ complete trials/);
    // A band (two traces) and a mean line per numeric parameter.
    expect(await page.getByTestId('dependence-chart').locator('.scatterlayer .trace').count()).toBe(3 * 3);
    await page.getByTestId('surface-contour').locator('.contourlayer path').first().waitFor({ timeout: 120_000 });
    await expect.poll(() => colouredPixels(page, 'surface-3d', 0.1, 0.75), { timeout: 30_000 }).toBeGreaterThan(5000);
    await expect.poll(() => page.getByTestId('surface-provenance').textContent()).toMatch(/Computed .* from \d+ complete trials/);
    await page.evaluate(() => document.querySelector('[data-testid="study-tabs"]')?.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(300);
    await screenshot(page, 'parameters-tab');
  });

  it('brushing the objective axis filters the trials table; clearing the filter restores it', async () => {
    const { page } = session;
    const total = await tableCount(page);
    expect(total).toBe(TRIALS);
    // The last axis is the objective; drag along its upper third (the best values).
    const axis = page.getByTestId('parallel-coordinates').locator('.axis-brush .background').last();
    await axis.scrollIntoViewIfNeeded();
    const box = (await axis.boundingBox())!;
    const x = box.x + box.width / 2;
    await page.mouse.move(x, box.y + 4);
    await page.mouse.down();
    await page.mouse.move(x, box.y + box.height * 0.15, { steps: 4 });
    await page.mouse.move(x, box.y + box.height * 0.35, { steps: 4 });
    await page.mouse.up();
    await page.getByTestId('trial-filter-banner').waitFor({ timeout: 10_000 });
    const matching = await tableCount(page);
    expect(matching).toBeGreaterThan(0);
    expect(matching).toBeLessThan(total);
    expect(await page.getByTestId('trial-filter-count').textContent()).toBe(`${matching} of ${total} trials match the brushed ranges`);
    expect(await page.getByTestId('trials-table').locator('table').getAttribute('aria-rowcount')).toBe(String(matching + 1));
    await page.waitForTimeout(300);
    await screenshot(page, 'parameters-brushed');

    // The filter holds on the Trials tab too, and is cleared from there.
    await page.getByTestId('study-tab-trials').click();
    await page.getByTestId('trial-filter-banner').waitFor();
    expect(await tableCount(page)).toBe(matching);
    await page.getByTestId('clear-trial-filter').click();
    await expect.poll(() => page.getByTestId('trial-filter-banner').count()).toBe(0);
    expect(await tableCount(page)).toBe(total);
  });

  it('shows the GP surface and 3-D view for another pair of parameters', async () => {
    const { page } = session;
    await page.getByTestId('study-tab-parameters').click();
    await page.getByTestId('surface-panel').waitFor();
    const x = await page.getByTestId('surface-x').inputValue();
    const other = ['fast', 'slow', 'signal'].find((p) => p !== x && p !== undefined)!;
    const y = ['fast', 'slow', 'signal'].find((p) => p !== x && p !== other)!;
    await page.getByTestId('surface-y').selectOption(y);
    await page.getByTestId('surface-x').selectOption(other);
    await expect.poll(() => page.getByTestId('surface-contour').locator('.xtitle').textContent(), { timeout: 120_000 }).toBe(other);
    await page.getByTestId('surface-panel').scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    await screenshot(page, 'parameters-surface');
  });

  it('falls back to SVG traces, saying so, where WebGL is not available', async () => {
    const browser = await chromium.launch({ executablePath: process.env.HOLDOUT_CHROMIUM ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--disable-webgl'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${session.app.url}#/studies/${studyId}`);
      const frame = page.getByTestId('history-chart-frame');
      await frame.waitFor({ timeout: 30_000 });
      expect(await frame.getAttribute('data-renderer')).toBe('svg');
      await expect.poll(async () => Number(await frame.getAttribute('data-points')), { timeout: 30_000 }).toBeGreaterThanOrEqual(TRIALS * 0.8);
      const points = Number(await frame.getAttribute('data-points'));
      await expect.poll(() => page.getByTestId('history-chart').locator('.scatterlayer .point').count(), { timeout: 30_000 }).toBe(points);
      expect(await frame.textContent()).toContain('WebGL is not available here');
      await page.getByTestId('study-tab-parameters').click();
      // Four parameters (fast, slow, signal, mode), a point per complete trial in each slice.
      await expect.poll(() => page.getByTestId('slice-chart').locator('.scatterlayer .point').count(), { timeout: 30_000 }).toBe(points * 4);
      await page.getByTestId('parallel-coordinates-unavailable').waitFor();
      await page.getByTestId('surface-contour').locator('.contourlayer path').first().waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('surface-3d').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('raised no uncaught errors in the page', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
