// End to end in browser mode: start the app as a user would, import msft.csv through the UI, see it listed with
// 249 bars, open its chart, load a sample dataset, see a malformed file's error, and check the token is required.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reference } from '../helpers/paths';
import { useTempDir } from '../helpers/tempDir';
import { useAppSession } from './helpers/appSession';
import { screenshot } from './helpers/browser';

const tempDir = useTempDir('holdout-e2e-files-');
const session = useAppSession('holdout-e2e-', { width: 1440, height: 900 });


describe('browser mode, end to end', () => {
  it('says it started in browser mode and prints the URL', () => {
    expect(session.app.output()).toMatch(/browser mode/);
    expect(session.app.url).toMatch(/\?token=[0-9a-f]{48}$/);
  });

  it('opens on an empty dataset list that explains what to import', async () => {
    await session.page.goto(session.app.url);
    await expect.poll(() => session.page.url()).not.toContain('token=');
    await session.page.getByRole('button', { name: /import csv/i }).first().waitFor();
    await screenshot(session.page, 'empty-state');
  });

  it('imports msft.csv through the file picker and lists it with 249 bars', async () => {
    await session.page.getByTestId('import-file-input').setInputFiles(reference('msft.csv'));
    const row = session.page.locator('[data-testid="dataset-row"][data-dataset-name="msft"]');
    await row.waitFor({ timeout: 30_000 });
    expect((await row.getByTestId('dataset-bars').textContent())?.trim()).toBe('249');
    await screenshot(session.page, 'dataset-list');
  });

  it('opens the dataset: candlestick chart and summary statistics', async () => {
    await session.page.locator('[data-testid="dataset-row"][data-dataset-name="msft"]').getByRole('button', { name: /open/i }).click();
    const chart = session.page.getByTestId('price-chart');
    await chart.locator('.main-svg').first().waitFor({ timeout: 30_000 });
    await chart.locator('.cartesianlayer').first().waitFor();
    const stats = session.page.getByTestId('dataset-stats');
    await stats.waitFor();
    expect(await stats.textContent()).toContain('249');
    await session.page.waitForTimeout(500);
    await screenshot(session.page, 'dataset-view');
  });

  it('loads a sample dataset with one click', async () => {
    await session.page.goto(`${session.app.origin}/#/datasets`);
    await session.page.getByTestId('load-sample').click();
    await session.page.getByTestId('sample-smi-daily').click();
    const row = session.page.locator('[data-testid="dataset-row"][data-dataset-name="SMI daily"]');
    await row.waitFor({ timeout: 30_000 });
    expect((await row.getByTestId('dataset-bars').textContent())?.trim()).toBe('1,860');
    await screenshot(session.page, 'sample-loaded');
  });

  it('shows a malformed file’s error with its line and column, and keeps the existing datasets', async () => {
    const bad = join(tempDir(), 'broken.csv');
    writeFileSync(bad, 'date,open,high,low,close\n2020-01-02,10,11,9,10.5\n2020-01-03,10,abc,9,10\n');
    await session.page.getByTestId('import-file-input').setInputFiles(bad);
    const error = session.page.getByTestId('import-error');
    await error.waitFor({ timeout: 30_000 });
    const text = (await error.textContent()) ?? '';
    expect(text).toContain('line 3');
    expect(text).toContain('high');
    expect(await session.page.getByTestId('dataset-row').count()).toBe(2);
    await screenshot(session.page, 'import-error');
  });

  it('renames a dataset inline and deletes one after confirming', async () => {
    const msft = session.page.locator('[data-testid="dataset-row"][data-dataset-name="msft"]');
    await msft.getByTestId('rename-dataset').click();
    const input = session.page.getByTestId('rename-input');
    await input.fill('Microsoft daily');
    await input.press('Enter');
    await session.page.locator('[data-testid="dataset-row"][data-dataset-name="Microsoft daily"]').waitFor({ timeout: 15_000 });

    const smi = session.page.locator('[data-testid="dataset-row"][data-dataset-name="SMI daily"]');
    await smi.getByTestId('delete-dataset').click();
    const dialog = session.page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('SMI daily');
    await screenshot(session.page, 'delete-confirmation');
    await session.page.getByTestId('confirm-delete').click();
    await smi.waitFor({ state: 'detached', timeout: 15_000 });
    expect(await session.page.getByTestId('dataset-row').count()).toBe(1);
  });

  it('refuses a page opened without the token', async () => {
    const stranger = await session.browser.newPage({ viewport: { width: 1200, height: 700 } });
    await stranger.goto(`${session.app.origin}/`);
    await stranger.getByText(/token/i).first().waitFor({ timeout: 15_000 });
    expect(await stranger.getByTestId('dataset-row').count()).toBe(0);
    const status = await stranger.evaluate(async () => (await fetch('/api/upload?name=x.csv', { method: 'POST', body: 'date,close' })).status);
    expect(status).toBe(401);
    await screenshot(stranger, 'token-refused');
    await stranger.close();
  });

  it('raised no uncaught errors in the page', () => {
    expect(session.pageErrors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  });
});

describe('browser mode shutdown', () => {
  it('stops cleanly on SIGTERM: running work stopped, database closed, exit code 0', async () => {
    expect(await session.app.stop()).toBe(0);
  });
});
