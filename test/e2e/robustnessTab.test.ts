// End to end: on a finished study (SMA crossover on the synthetic sample, random sampler), open the Robustness tab and
// see the verdict, the key figures and every chart drawn with data; change S and recompute; open the chosen trial's
// profile; and a study with too few trials shows the 'insufficient' verdict and its notes, not broken charts.
// Screenshots in test/e2e/screenshots/.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppSession } from './helpers/appSession';
import { screenshot } from './helpers/browser';

const session = useAppSession('holdout-e2e-robustness-');

const CHARTS = ['pbo-histogram', 'degradation-chart', 'held-out-chart', 'bootstrap-chart', 'reshuffle-chart'] as const;

async function createStudy(page: Page, trials: number, seed: number): Promise<string> {
  await page.getByTestId('nav-studies').click();
  await page.getByTestId('new-study-button').click();
  await page.getByTestId('new-study').waitFor();
  await page.getByTestId('strategy-select').selectOption('sma-crossover');
  await page.getByTestId('space-fast').waitFor();
  await page.getByTestId('study-sampler').selectOption('random');
  await page.getByTestId('study-trials').fill(String(trials));
  await page.getByTestId('study-workers').fill('1');
  await page.getByTestId('study-seed').fill(String(seed));
  await page.getByTestId('create-study').click();
  await page.waitForURL(/#\/studies\/st_[0-9a-f]{16}$/, { timeout: 30_000 });
  const id = /st_[0-9a-f]{16}/.exec(page.url())![0];
  await expect.poll(() => page.getByTestId('study-status').first().textContent(), { timeout: 90_000 }).toBe('Completed');
  return id;
}

/** How many points the chart's traces hold, read from the figure plotly keeps on its element (SVG or WebGL alike). */
function pointsIn(page: Page, testId: string): Promise<number> {
  return page.getByTestId(testId).evaluate((el) => {
    const data = (el as HTMLElement & { data?: { x?: ArrayLike<unknown>; y?: ArrayLike<unknown> }[] }).data ?? [];
    return data.reduce((n, trace) => n + (trace.y?.length ?? trace.x?.length ?? 0), 0);
  });
}

async function openRobustness(page: Page, id: string): Promise<void> {
  await page.getByTestId('study-tab-robustness').click();
  await page.waitForURL(new RegExp(`#/studies/${id}/robustness$`));
  await page.getByTestId('robustness-tab').waitFor();
  await page.getByTestId('robustness-verdict').waitFor({ timeout: 120_000 });
}

describe('Robustness tab, end to end', () => {
  let studyId = '';

  it('runs a study of 60 trials to the end', async () => {
    await session.page.goto(session.app.url);
    await session.page.getByTestId('load-sample').click();
    await session.page.getByTestId('sample-synthetic-daily').click();
    await session.page.locator('[data-testid="dataset-row"]').first().waitFor({ timeout: 30_000 });
    studyId = await createStudy(session.page, 60, 11);
  });

  it('shows the verdict in plain words, the key figures and every chart drawn with data', async () => {
    const page = session.page;
    await openRobustness(page, studyId);
    const level = await page.getByTestId('robustness-verdict').getAttribute('data-level');
    expect(['trustworthy', 'caution', 'overfit']).toContain(level);
    expect((await page.getByTestId('robustness-headline').textContent())!.length).toBeGreaterThan(20);
    expect(await page.getByTestId('robustness-verdict').locator('.verdict-reasons li').count()).toBeGreaterThan(0);
    for (const id of ['trial', 'sharpe', 'psr', 'dsr', 'sr0', 'mintrl', 'pbo', 'oos-loss', 'degradation', 'held-out']) {
      await page.getByTestId(`robustness-figure-${id}`).waitFor();
    }
    expect(await page.getByTestId('robustness-figure-dsr').textContent()).toMatch(/N = 60 trials, effective N = [\d.,]+/);
    expect(await page.getByTestId('robustness-figure-pbo').textContent()).toContain('S = 16 blocks, 12,870 combinations, 60 trials');
    expect(await page.getByTestId('robustness-figure-pbo').locator('dd').first().textContent()).toMatch(/^[01]\.\d{2,3}$/);
    expect(await page.getByTestId('robustness-provenance').textContent()).toMatch(/from 60 complete trials/);
    for (const chart of CHARTS) {
      await page.getByTestId(chart).locator('.main-svg').first().waitFor({ timeout: 30_000 });
      await expect.poll(() => pointsIn(page, chart), { timeout: 30_000 }).toBeGreaterThan(0);
    }
    // The histogram holds one count per combination; the degradation scatter one point per combination; the
    // held-out scatter one point per trial (and the y = x line, and the chosen trial's star).
    const histogramTotal = await page.getByTestId('pbo-histogram').evaluate((el) => {
      const data = (el as HTMLElement & { data?: { y?: number[] }[] }).data ?? [];
      return data.reduce((n, t) => n + (t.y ?? []).reduce((a, b) => a + b, 0), 0);
    });
    expect(histogramTotal).toBe(12_870);
    // (A trial without a defined out-of-sample value, e.g. no trade on the held-out bars, is left out.)
    const heldOut = await pointsIn(page, 'held-out-chart');
    expect(heldOut).toBeGreaterThan(2 + 30);
    expect(heldOut).toBeLessThanOrEqual(2 + 60 + 1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(400);
    await screenshot(page, 'robustness-verdict');
    await page.getByTestId('pbo-histogram-panel').scrollIntoViewIfNeeded();
    await page.waitForTimeout(400);
    await screenshot(page, 'robustness-charts');
    await page.getByTestId('bootstrap-panel').scrollIntoViewIfNeeded();
    await page.waitForTimeout(400);
    await screenshot(page, 'robustness-bootstrap');
  });

  it('changes S and recomputes: PBO is computed again over the new splits', async () => {
    const page = session.page;
    await page.evaluate(() => window.scrollTo(0, 0));
    const before = await page.getByTestId('robustness-provenance').textContent();
    expect(before).toContain('from 60 complete trials');
    await page.getByTestId('robustness-partitions').selectOption('8');
    // The loading state may last less than a poll interval; an observer records what it said.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="robustness-progress"]')?.textContent;
        if (text && !seen.includes(text)) seen.push(text);
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    await page.getByTestId('robustness-recompute').click();
    await expect.poll(() => page.getByTestId('robustness-figure-pbo').textContent(), { timeout: 120_000 }).toContain('S = 8 blocks, 70 combinations, 60 trials');
    expect(await page.getByTestId('robustness-tab').getAttribute('data-pending')).toBe('false');
    const progress = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(progress[0]).toMatch(/^Computing the robustness of the best trial by Sharpe ratio from 60 complete trials.*PBO over 70 splits of S = 8 blocks; 2,000 bootstrap resamples/);
    expect(await page.getByTestId('robustness-progress').count()).toBe(0);
    const histogramTotal = await page.getByTestId('pbo-histogram').evaluate((el) => {
      const data = (el as HTMLElement & { data?: { y?: number[] }[] }).data ?? [];
      return data.reduce((n, t) => n + (t.y ?? []).reduce((a, b) => a + b, 0), 0);
    });
    expect(histogramTotal).toBe(70);
    expect(await pointsIn(page, 'degradation-chart')).toBeGreaterThan(0);
  });

  it('picks another trial and opens its performance profile from the key figures', async () => {
    const page = session.page;
    const options = await page.getByTestId('robustness-trial').locator('option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
    // The first entry is the default (best); the third is the second-best trial.
    const other = options[2];
    expect(other).toMatch(/^\d+$/);
    await page.getByTestId('robustness-trial').selectOption(other);
    await page.getByTestId('robustness-recompute').click();
    await expect.poll(() => page.getByTestId('robustness-report').getAttribute('data-trial'), { timeout: 120_000 }).toBe(other);
    await expect.poll(() => page.getByTestId('robustness-figure-trial').textContent()).toContain(`Trial ${other}`);
    await page.getByTestId('robustness-open-trial').click();
    await page.getByTestId('trial-profile').getByTestId('metrics-panel').waitFor({ timeout: 30_000 });
    expect(await page.locator('#trial-profile-title').textContent()).toContain(`Trial ${other}`);
  });

  it('a study with too few trials says so: the insufficient verdict and the notes, no broken charts', async () => {
    const page = session.page;
    const id = await createStudy(page, 1, 3);
    await openRobustness(page, id);
    expect(await page.getByTestId('robustness-verdict').getAttribute('data-level')).toBe('insufficient');
    expect(await page.getByTestId('robustness-notes').locator('li').count()).toBeGreaterThan(0);
    // Whatever was drawn has data; what could not be computed is named, not drawn empty.
    for (const chart of CHARTS) {
      if ((await page.getByTestId(chart).count()) > 0) expect(await pointsIn(page, chart)).toBeGreaterThan(0);
    }
    await page.getByTestId('robustness-missing').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    await screenshot(page, 'robustness-insufficient');
  });

  it('raised no uncaught errors in the page', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
