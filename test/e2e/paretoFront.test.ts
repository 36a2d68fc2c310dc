// End to end: a two-objective study created from the UI (SMA crossover on the synthetic sample, maximise Sharpe
// and maximise max drawdown, which is negative so larger is better), run to completion, and its Pareto front
// drawn on the dashboard with the Pareto set highlighted. Screenshot in test/e2e/screenshots/pareto-front.png.
import { describe, expect, it } from 'vitest';
import { useAppSession } from './helpers/appSession';
import { screenshot } from './helpers/browser';

const session = useAppSession('holdout-e2e-pareto-');

describe('Pareto front of a two-objective study, end to end', () => {
  it('creates a 30-trial study maximising Sharpe and max drawdown from the New study form', async () => {
    const { page } = session;
    await page.goto(session.app.url);
    await page.getByTestId('load-sample').click();
    await page.getByTestId('sample-synthetic-daily').click();
    await page.locator('[data-testid="dataset-row"]').first().waitFor({ timeout: 30_000 });
    await page.getByTestId('nav-studies').click();
    await page.getByTestId('new-study-button').click();
    await page.getByTestId('new-study').waitFor();
    await page.getByTestId('strategy-select').selectOption('sma-crossover');
    await page.getByTestId('space-fast').waitFor();
    await page.getByTestId('objective-metric-0').selectOption('sharpe');
    await page.getByTestId('add-objective').click();
    await page.getByTestId('objective-metric-1').selectOption('max_drawdown');
    await page.getByTestId('objective-direction-1').selectOption('maximize');
    expect(await page.getByTestId('objective-direction-0').inputValue()).toBe('maximize');
    await page.getByTestId('study-sampler').selectOption('sobol');
    await page.getByTestId('study-trials').fill('30');
    await page.getByTestId('study-workers').fill('2');
    await page.getByTestId('study-seed').fill('11');
    await page.getByTestId('create-study').click();
    await page.waitForURL(/#\/studies\/st_[0-9a-f]{16}$/, { timeout: 30_000 });
    await expect.poll(() => page.getByTestId('study-status').textContent(), { timeout: 120_000 }).toBe('Completed');
  });

  it('draws every complete trial and the Pareto set, joined, with the axes named after the objectives', async () => {
    const { page } = session;
    const front = page.getByTestId('pareto-front');
    await front.locator('.main-svg').first().waitFor({ timeout: 30_000 });
    await expect.poll(async () => Number(await front.getAttribute('data-points')), { timeout: 30_000 }).toBeGreaterThan(20);
    const points = Number(await front.getAttribute('data-points'));
    const onFront = Number(await front.getAttribute('data-front'));
    expect(onFront).toBeGreaterThan(0);
    expect(onFront).toBeLessThanOrEqual(points);
    // Two SVG scatter traces (no WebGL): the other trials as markers, the Pareto set as markers joined by a line.
    await expect.poll(() => front.locator('.scatterlayer .point').count()).toBe(points);
    expect(await front.locator('.scatterlayer .js-line').count()).toBeGreaterThan(0);
    expect(await front.locator('canvas').count()).toBe(0);
    const titles = await front.locator('.g-xtitle, .g-ytitle').allTextContents();
    expect(titles.join(' | ')).toMatch(/Sharpe.*higher is better/i);
    expect(titles.join(' | ')).toMatch(/drawdown.*higher is better/i);
    expect(await front.textContent()).toContain(`Pareto set (${onFront})`);
    // The study's own Pareto set (its best trials) has the same size: with two objectives they are one set.
    expect(await page.getByTestId('best-value').locator('xpath=..').textContent()).toContain(`Pareto set of ${onFront}`);
    await front.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.mouse.move(0, 0);
    await page.waitForTimeout(600);
    await screenshot(page, 'pareto-front');
  });

  it('raised no uncaught errors in the page', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
