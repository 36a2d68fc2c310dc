// End to end: set up a walk-forward run from the UI (SMA crossover on the synthetic daily sample, rolling windows
// of three years tuned and one year tested, with purge and embargo), see the window plan, watch it run, and read the
// walk-forward chart, per-window results and drift. Screenshots in test/e2e/screenshots/.
import { describe, expect, it } from 'vitest';
import { useAppSession } from './helpers/appSession';
import { screenshot } from './helpers/browser';

const session = useAppSession('holdout-e2e-walk-forward-');

describe('walk-forward, end to end', () => {
  it('loads the synthetic sample and opens the walk-forward page from the sidebar', async () => {
    const page = session.page;
    await page.goto(session.app.url);
    await page.getByTestId('load-sample').click();
    await page.getByTestId('sample-synthetic-daily').click();
    await page.locator('[data-testid="dataset-row"]').first().waitFor({ timeout: 30_000 });
    await page.getByTestId('nav-walk-forward').click();
    await page.getByTestId('walk-forward-list').waitFor();
    expect(page.url()).toContain('#/walk-forward');
    expect(await page.getByTestId('walk-forward-list').textContent()).toContain('No walk-forward runs yet');
  });

  it('fills in the form: the window plan follows the lengths, and windows that cannot fit are refused', async () => {
    const page = session.page;
    await page.getByTestId('new-walk-forward-button').click();
    await page.getByTestId('new-walk-forward').waitFor();
    await page.getByTestId('strategy-select').selectOption('sma-crossover');
    await page.getByTestId('space-fast').waitFor();
    await page.getByTestId('wf-sampler').selectOption('random');
    await page.getByTestId('wf-trials').fill('15');
    await page.getByTestId('wf-workers').fill('1');
    await page.getByTestId('wf-seed').fill('4');
    // A step shorter than a test part plus the embargo would test bars twice: refused, naming the rule.
    await page.getByTestId('wf-in-sample').fill('756');
    await page.getByTestId('wf-out-of-sample').fill('252');
    await page.getByTestId('wf-embargo').fill('5');
    await page.getByTestId('wf-step').fill('200');
    await expect.poll(() => page.getByTestId('wf-windows-error').textContent()).toMatch(/^Step \(200\) must be at least outOfSample \+ embargo \(252 \+ 5\)/);
    expect(await page.getByTestId('create-walk-forward').isDisabled()).toBe(true);
    await page.getByTestId('wf-step').fill('');
    await page.getByTestId('wf-purge').fill('5');
    await expect.poll(() => page.getByTestId('wf-windows-error').count()).toBe(0);
    const windows = Number(await page.getByTestId('wf-plan').getAttribute('data-windows'));
    expect(windows).toBeGreaterThanOrEqual(5);
    expect(await page.getByTestId('wf-plan-note').textContent()).toMatch(new RegExp(`^${windows} windows, each tuned on its in-sample bars only`));
    expect(await page.getByTestId('create-walk-forward').isDisabled()).toBe(false);
    await page.getByTestId('wf-windows').scrollIntoViewIfNeeded();
    await screenshot(page, 'walk-forward-new');
  });

  it('starts the run, shows its progress and then the walk-forward chart', async () => {
    const page = session.page;
    await page.getByTestId('create-walk-forward').click();
    await page.waitForURL(/#\/walk-forward\/wf_[0-9a-f]{16}$/, { timeout: 30_000 });
    await page.getByTestId('walk-forward-page').waitFor();
    await expect.poll(() => page.getByTestId('walk-forward-page').getAttribute('data-status'), { timeout: 120_000 }).toBe('completed');
    const rows = page.getByTestId('wf-window-row');
    const count = await rows.count();
    expect(count).toBeGreaterThanOrEqual(5);
    for (let i = 0; i < count; i++) expect(await rows.nth(i).getAttribute('data-status')).toBe('completed');
    // The chart: the stitched equity line, a shaded band per window's test and two timeline bars per window.
    await page.getByTestId('wf-chart').locator('.main-svg').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('wf-chart').locator('.scatterlayer .trace').count()).toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.getByTestId('wf-chart').locator('.shapelayer path').count()).toBeGreaterThanOrEqual(4 * count);
    await page.getByTestId('wf-window-bars').locator('.main-svg').first().waitFor();
    await page.getByTestId('wf-drift').locator('.main-svg').first().waitFor();
    expect(await page.getByTestId('wf-efficiency').textContent()).toMatch(/^(-?[\d.]+|—)$/);
    expect(await page.getByTestId('wf-drift-table').textContent()).toContain('fast');
    await page.waitForTimeout(500);
    await screenshot(page, 'walk-forward-run');
    await page.getByTestId('wf-window-bars').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await screenshot(page, 'walk-forward-windows');
  });

  it('lists the run, and its window studies among the studies', async () => {
    const page = session.page;
    await page.getByTestId('nav-walk-forward').click();
    await page.getByTestId('walk-forward-row').first().waitFor();
    expect(await page.getByTestId('walk-forward-row').count()).toBe(1);
    await page.getByTestId('nav-studies').click();
    await page.getByTestId('studies-page').waitFor();
    await expect.poll(() => page.getByTestId('study-row').count()).toBeGreaterThanOrEqual(5);
    expect(await page.getByTestId('study-row').first().textContent()).toMatch(/window \d+\/\d+ \(wf_[0-9a-f]{16}\)/);
  });
});
