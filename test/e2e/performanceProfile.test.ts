// End to end: open the performance profile for SMA crossover on a sample dataset, change a parameter and see the
// metrics change; every chart of the profile is drawn. Screenshots in test/e2e/screenshots/.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers/tempDir';
import { startApp, type RunningApp } from './helpers/appProcess';
import { launchChromium, screenshot } from './helpers/browser';

const tempDir = useTempDir('holdout-e2e-profile-');
let app: RunningApp;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  app = await startApp(tempDir());
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function metricText(id: string): Promise<string> {
  return ((await page.getByTestId(`metric-${id}`).first().textContent()) ?? '').trim();
}

describe('performance profile, end to end', () => {
  it('loads the synthetic sample and opens the backtest page with it', async () => {
    await page.goto(app.url);
    await page.getByTestId('load-sample').click();
    await page.getByTestId('sample-synthetic-daily').click();
    const row = page.locator('[data-testid="dataset-row"]').first();
    await row.waitFor({ timeout: 30_000 });
    await page.goto(`${app.origin}/#/backtest`);
    await page.getByTestId('backtest-page').waitFor();
  });

  it('runs SMA crossover and draws every part of the profile', async () => {
    // The only dataset is chosen for us.
    expect(await page.getByTestId('dataset-select').inputValue()).toMatch(/^ds_/);
    await page.getByTestId('strategy-select').selectOption('sma-crossover');
    await page.getByTestId('run-backtest').click();
    await page.getByTestId('metrics-panel').waitFor({ timeout: 30_000 });
    for (const id of ['equity-chart', 'drawdown-chart', 'monthly-heatmap', 'returns-histogram', 'rolling-sharpe-chart', 'trade-chart']) {
      await page.getByTestId(id).locator('.main-svg').first().waitFor({ timeout: 30_000 });
    }
    await page.getByTestId('trade-table').waitFor();
    expect(await metricText('sharpe')).toMatch(/\d/);
    await page.waitForTimeout(400);
    await screenshot(page, 'performance-profile');
  });

  it('changing a parameter re-runs the backtest and changes the metrics', async () => {
    const before = await metricText('total_return');
    const trades = await metricText('number_of_trades');
    await page.getByTestId('param-fast').fill('25');
    await expect.poll(async () => `${await metricText('total_return')}|${await metricText('number_of_trades')}`, { timeout: 30_000 }).not.toBe(`${before}|${trades}`);
    await page.getByTestId('trade-table').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await screenshot(page, 'performance-profile-trades');
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
