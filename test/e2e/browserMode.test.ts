// End to end in browser mode: start the app as a user would, import msft.csv through the UI, see it listed with
// 249 bars, open its chart, load a sample dataset, see a malformed file's error, and check the token is required.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reference } from '../helpers/paths';
import { useTempDir } from '../helpers/tempDir';
import { startApp, type RunningApp } from './helpers/appProcess';
import { launchChromium, screenshot } from './helpers/browser';

const tempDir = useTempDir('holdout-e2e-');
let app: RunningApp;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  app = await startApp(tempDir());
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
});

afterAll(async () => {
  await browser?.close();
  const code = await app?.stop();
  // A clean shutdown on SIGTERM: the database is closed and the process exits 0.
  expect(code).toBe(0);
});

describe('browser mode, end to end', () => {
  it('says it started in browser mode and prints the URL', () => {
    expect(app.output()).toMatch(/browser mode/);
    expect(app.url).toMatch(/\?token=[0-9a-f]{48}$/);
  });

  it('opens on an empty dataset list that explains what to import', async () => {
    await page.goto(app.url);
    await expect.poll(() => page.url()).not.toContain('token=');
    await page.getByRole('button', { name: /import csv/i }).first().waitFor();
    await screenshot(page, 'empty-state');
  });

  it('imports msft.csv through the file picker and lists it with 249 bars', async () => {
    await page.getByTestId('import-file-input').setInputFiles(reference('msft.csv'));
    const row = page.locator('[data-testid="dataset-row"][data-dataset-name="msft"]');
    await row.waitFor({ timeout: 30_000 });
    expect((await row.getByTestId('dataset-bars').textContent())?.trim()).toBe('249');
    await screenshot(page, 'dataset-list');
  });

  it('opens the dataset: candlestick chart and summary statistics', async () => {
    await page.locator('[data-testid="dataset-row"][data-dataset-name="msft"]').getByRole('button', { name: /open/i }).click();
    const chart = page.getByTestId('price-chart');
    await chart.locator('.main-svg').first().waitFor({ timeout: 30_000 });
    await chart.locator('.cartesianlayer').first().waitFor();
    const stats = page.getByTestId('dataset-stats');
    await stats.waitFor();
    expect(await stats.textContent()).toContain('249');
    await page.waitForTimeout(500);
    await screenshot(page, 'dataset-view');
  });

  it('loads a sample dataset with one click', async () => {
    await page.goto(`${app.origin}/#/datasets`);
    await page.getByTestId('load-sample').click();
    await page.getByTestId('sample-smi-daily').click();
    const row = page.locator('[data-testid="dataset-row"][data-dataset-name="SMI daily"]');
    await row.waitFor({ timeout: 30_000 });
    expect((await row.getByTestId('dataset-bars').textContent())?.trim()).toBe('1,860');
    await screenshot(page, 'sample-loaded');
  });

  it('shows a malformed file’s error with its line and column, and keeps the existing datasets', async () => {
    const bad = join(tempDir(), 'broken.csv');
    writeFileSync(bad, 'date,open,high,low,close\n2020-01-02,10,11,9,10.5\n2020-01-03,10,abc,9,10\n');
    await page.getByTestId('import-file-input').setInputFiles(bad);
    const error = page.getByTestId('import-error');
    await error.waitFor({ timeout: 30_000 });
    const text = (await error.textContent()) ?? '';
    expect(text).toContain('line 3');
    expect(text).toContain('high');
    expect(await page.getByTestId('dataset-row').count()).toBe(2);
    await screenshot(page, 'import-error');
  });

  it('renames a dataset inline and deletes one after confirming', async () => {
    const msft = page.locator('[data-testid="dataset-row"][data-dataset-name="msft"]');
    await msft.getByTestId('rename-dataset').click();
    const input = page.getByTestId('rename-input');
    await input.fill('Microsoft daily');
    await input.press('Enter');
    await page.locator('[data-testid="dataset-row"][data-dataset-name="Microsoft daily"]').waitFor({ timeout: 15_000 });

    const smi = page.locator('[data-testid="dataset-row"][data-dataset-name="SMI daily"]');
    await smi.getByTestId('delete-dataset').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('SMI daily');
    await screenshot(page, 'delete-confirmation');
    await page.getByTestId('confirm-delete').click();
    await smi.waitFor({ state: 'detached', timeout: 15_000 });
    expect(await page.getByTestId('dataset-row').count()).toBe(1);
  });

  it('refuses a page opened without the token', async () => {
    const stranger = await browser.newPage({ viewport: { width: 1200, height: 700 } });
    await stranger.goto(`${app.origin}/`);
    await stranger.getByText(/token/i).first().waitFor({ timeout: 15_000 });
    expect(await stranger.getByTestId('dataset-row').count()).toBe(0);
    const status = await stranger.evaluate(async () => (await fetch('/api/upload?name=x.csv', { method: 'POST', body: 'date,close' })).status);
    expect(status).toBe(401);
    await screenshot(stranger, 'token-refused');
    await stranger.close();
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  });
});
