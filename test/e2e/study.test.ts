// End to end: create a tuning study from the UI (SMA crossover on the synthetic sample, GP sampler, 2 workers), watch it run (progress advances, the optimisation history is drawn), open the best trial's
// performance profile, and stop the study. Screenshots in test/e2e/screenshots/.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers/tempDir';
import { startApp, type RunningApp } from './helpers/appProcess';
import { launchChromium, screenshot } from './helpers/browser';

const tempDir = useTempDir('holdout-e2e-study-');
let app: RunningApp;
let browser: Browser;
let page: Page;
let studyId = '';
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

async function finishedTrials(): Promise<number> {
  const label = (await page.getByTestId('study-progress').locator('.progress-label').textContent()) ?? '';
  const m = /^([\d,]+)/.exec(label.trim());
  return m ? Number(m[1].replace(/,/g, '')) : 0;
}

describe('tuning study, end to end', () => {
  it('loads the synthetic sample and opens the studies page from the sidebar', async () => {
    await page.goto(app.url);
    await page.getByTestId('load-sample').click();
    await page.getByTestId('sample-synthetic-daily').click();
    await page.locator('[data-testid="dataset-row"]').first().waitFor({ timeout: 30_000 });
    await page.getByTestId('nav-studies').click();
    await page.getByTestId('studies-page').waitFor();
    expect(page.url()).toContain('#/studies');
  });

  it('fills in the New study form, prefilled from the strategy, and validates as one types', async () => {
    await page.getByTestId('new-study-button').click();
    await page.getByTestId('new-study').waitFor();
    expect(await page.getByTestId('dataset-select').inputValue()).toMatch(/^ds_/);
    await page.getByTestId('strategy-select').selectOption('sma-crossover');
    // The search space comes from the strategy's declared parameters.
    await page.getByTestId('space-fast').waitFor();
    expect(await page.getByTestId('space-low-fast').inputValue()).toMatch(/^\d+$/);
    // A bound outside the declared range is refused at once, and the form cannot be sent.
    const declaredHigh = await page.getByTestId('space-high-fast').inputValue();
    await page.getByTestId('space-high-fast').fill('1000000');
    await page.getByTestId('space-errors').waitFor();
    expect(await page.getByTestId('create-study').isDisabled()).toBe(true);
    await page.getByTestId('space-high-fast').fill(declaredHigh);
    await expect.poll(() => page.getByTestId('space-errors').count()).toBe(0);

    await page.getByTestId('study-sampler').selectOption('gp');
    // SMA crossover runs some twenty trials a second here, so 40 would be over before the test could stop the
    // study; a larger budget keeps it running until it is stopped (the GP sampler slows down as trials accumulate).
    await page.getByTestId('study-trials').fill('400');
    await page.getByTestId('study-workers').fill('2');
    await page.getByTestId('study-seed').fill('7');
    expect(await page.getByTestId('split-note').textContent()).toContain('never seen by the tuner');
    expect(await page.getByTestId('create-study').isDisabled()).toBe(false);
    await screenshot(page, 'study-new');
  });

  it('creates the study and shows it running: progress advances and the history chart is drawn', async () => {
    await page.getByTestId('create-study').click();
    await page.waitForURL(/#\/studies\/st_[0-9a-f]{16}$/, { timeout: 30_000 });
    studyId = /st_[0-9a-f]{16}/.exec(page.url())![0];
    await page.getByTestId('study-progress').waitFor();
    await expect.poll(finishedTrials, { timeout: 60_000 }).toBeGreaterThan(0);
    const first = await finishedTrials();
    await page.getByTestId('history-chart').locator('.main-svg').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('history-chart').locator('.scatterlayer .point').count(), { timeout: 60_000 }).toBeGreaterThan(2);
    await expect.poll(finishedTrials, { timeout: 60_000 }).toBeGreaterThan(first);
    expect(await page.getByTestId('best-value').textContent()).toMatch(/\d/);
    await expect.poll(() => page.getByTestId('trial-row').count()).toBeGreaterThan(0);
    await screenshot(page, 'study-running');
  });

  it("opens the best trial's performance profile", async () => {
    await page.getByTestId('open-best-trial').click();
    await page.getByTestId('trial-profile').getByTestId('metrics-panel').waitFor({ timeout: 30_000 });
    await page.getByTestId('trial-profile').getByTestId('equity-chart').locator('.main-svg').first().waitFor({ timeout: 30_000 });
    await page.getByTestId('trial-profile').scrollIntoViewIfNeeded();
    await page.waitForTimeout(600);
    await screenshot(page, 'study-trial-profile');
  });

  it('clicking a row of the trials table opens that trial', async () => {
    const row = page.getByTestId('trial-row').filter({ has: page.locator('td') }).first();
    await row.scrollIntoViewIfNeeded();
    const number = await row.getAttribute('data-trial');
    await row.click();
    await expect.poll(() => page.locator('#trial-profile-title').textContent()).toContain(`Trial ${number}`);
  });

  it('stops the study; the status says stopped', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await page.getByTestId('study-status').getAttribute('data-status')).toBe('running');
    await page.getByTestId('stop-study').click();
    await expect.poll(() => page.getByTestId('study-status').textContent(), { timeout: 60_000 }).toBe('Stopped');
    await expect.poll(() => page.getByTestId('stop-study').count()).toBe(0);
    expect(await finishedTrials()).toBeLessThan(400);
  });

  it('lists the study with its status on the studies page', async () => {
    await page.getByTestId('nav-studies').click();
    const row = page.locator(`[data-testid="study-row"][data-study-id="${studyId}"]`);
    await row.waitFor();
    expect(await row.getByTestId('study-status').textContent()).toBe('Stopped');
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
