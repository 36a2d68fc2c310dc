// End to end: create a tuning study from the UI (SMA crossover on the synthetic sample, GP sampler, 2 workers), watch it run (progress advances, the optimisation history is drawn), open the best trial's
// performance profile, and stop the study. Screenshots in test/e2e/screenshots/.
import { describe, expect, it } from 'vitest';
import { useAppSession } from './helpers/appSession';
import { screenshot } from './helpers/browser';

const session = useAppSession('holdout-e2e-study-');
let studyId = '';


async function finishedTrials(): Promise<number> {
  const label = (await session.page.getByTestId('study-progress').locator('.progress-label').textContent()) ?? '';
  const m = /^([\d,]+)/.exec(label.trim());
  return m ? Number(m[1].replace(/,/g, '')) : 0;
}

describe('tuning study, end to end', () => {
  it('loads the synthetic sample and opens the studies page from the sidebar', async () => {
    await session.page.goto(session.app.url);
    await session.page.getByTestId('load-sample').click();
    await session.page.getByTestId('sample-synthetic-daily').click();
    await session.page.locator('[data-testid="dataset-row"]').first().waitFor({ timeout: 30_000 });
    await session.page.getByTestId('nav-studies').click();
    await session.page.getByTestId('studies-page').waitFor();
    expect(session.page.url()).toContain('#/studies');
  });

  it('fills in the New study form, prefilled from the strategy, and validates as one types', async () => {
    await session.page.getByTestId('new-study-button').click();
    await session.page.getByTestId('new-study').waitFor();
    expect(await session.page.getByTestId('dataset-select').inputValue()).toMatch(/^ds_/);
    await session.page.getByTestId('strategy-select').selectOption('sma-crossover');
    // The search space comes from the strategy's declared parameters.
    await session.page.getByTestId('space-fast').waitFor();
    expect(await session.page.getByTestId('space-low-fast').inputValue()).toMatch(/^\d+$/);
    // A bound outside the declared range is refused at once, and the form cannot be sent.
    const declaredHigh = await session.page.getByTestId('space-high-fast').inputValue();
    await session.page.getByTestId('space-high-fast').fill('1000000');
    await session.page.getByTestId('space-errors').waitFor();
    expect(await session.page.getByTestId('create-study').isDisabled()).toBe(true);
    await session.page.getByTestId('space-high-fast').fill(declaredHigh);
    await expect.poll(() => session.page.getByTestId('space-errors').count()).toBe(0);

    await session.page.getByTestId('study-sampler').selectOption('gp');
    // SMA crossover runs some twenty trials a second here, so 40 would be over before the test could stop the
    // study; a larger budget keeps it running until it is stopped (the GP sampler slows down as trials accumulate).
    await session.page.getByTestId('study-trials').fill('400');
    await session.page.getByTestId('study-workers').fill('2');
    await session.page.getByTestId('study-seed').fill('7');
    expect(await session.page.getByTestId('split-note').textContent()).toContain('never seen by the tuner');
    expect(await session.page.getByTestId('create-study').isDisabled()).toBe(false);
    await screenshot(session.page, 'study-new');
  });

  it('creates the study and shows it running: progress advances and the history chart is drawn', async () => {
    await session.page.getByTestId('create-study').click();
    await session.page.waitForURL(/#\/studies\/st_[0-9a-f]{16}$/, { timeout: 30_000 });
    studyId = /st_[0-9a-f]{16}/.exec(session.page.url())![0];
    await session.page.getByTestId('study-progress').waitFor();
    await expect.poll(finishedTrials, { timeout: 60_000 }).toBeGreaterThan(0);
    const first = await finishedTrials();
    await session.page.getByTestId('history-chart').locator('.main-svg').first().waitFor({ timeout: 30_000 });
    // WebGL (scattergl) draws the points into a canvas, so count the trials the chart was given.
    await expect.poll(async () => Number(await session.page.getByTestId('history-chart-frame').getAttribute('data-points')), { timeout: 60_000 }).toBeGreaterThan(2);
    await expect.poll(finishedTrials, { timeout: 60_000 }).toBeGreaterThan(first);
    expect(await session.page.getByTestId('best-value').textContent()).toMatch(/\d/);
    await expect.poll(() => session.page.getByTestId('trial-row').count()).toBeGreaterThan(0);
    await screenshot(session.page, 'study-running');
  });

  it("opens the best trial's performance profile", async () => {
    await session.page.getByTestId('open-best-trial').click();
    await session.page.getByTestId('trial-profile').getByTestId('metrics-panel').waitFor({ timeout: 30_000 });
    await session.page.getByTestId('trial-profile').getByTestId('equity-chart').locator('.main-svg').first().waitFor({ timeout: 30_000 });
    // In sample by default, saying which bars; the out-of-sample and whole-dataset runs say theirs.
    const note = session.page.getByTestId('trial-segment-note');
    expect(await session.page.getByTestId('trial-segment-inSample').getAttribute('aria-checked')).toBe('true');
    await expect.poll(() => note.textContent(), { timeout: 30_000 }).toMatch(/^In sample: bars 1–[\d,]+ of [\d,]+/);
    await session.page.getByTestId('trial-profile').scrollIntoViewIfNeeded();
    await session.page.waitForTimeout(600);
    await screenshot(session.page, 'study-trial-profile');
    await session.page.getByTestId('trial-segment-outOfSample').click();
    await expect.poll(() => note.textContent(), { timeout: 30_000 }).toMatch(/^Out of sample: bars [\d,]+–[\d,]+ of [\d,]+.*never saw/);
    await session.page.getByTestId('trial-segment-all').click();
    await expect.poll(() => note.textContent(), { timeout: 30_000 }).toMatch(/^Whole dataset: bars 1–([\d,]+) of \1\b/);
    await session.page.getByTestId('trial-profile').getByTestId('metrics-panel').waitFor({ timeout: 30_000 });
  });

  it('clicking a row of the trials table opens that trial', async () => {
    const row = session.page.getByTestId('trial-row').filter({ has: session.page.locator('td') }).first();
    await row.scrollIntoViewIfNeeded();
    const number = await row.getAttribute('data-trial');
    await row.click();
    await expect.poll(() => session.page.locator('#trial-profile-title').textContent()).toContain(`Trial ${number}`);
  });

  it('stops the study; the status says stopped', async () => {
    await session.page.evaluate(() => window.scrollTo(0, 0));
    expect(await session.page.getByTestId('study-status').getAttribute('data-status')).toBe('running');
    await session.page.getByTestId('stop-study').click();
    await expect.poll(() => session.page.getByTestId('study-status').textContent(), { timeout: 60_000 }).toBe('Stopped');
    await expect.poll(() => session.page.getByTestId('stop-study').count()).toBe(0);
    expect(await finishedTrials()).toBeLessThan(400);
  });

  it('lists the study with its status on the studies page', async () => {
    await session.page.getByTestId('nav-studies').click();
    const row = session.page.locator(`[data-testid="study-row"][data-study-id="${studyId}"]`);
    await row.waitFor();
    expect(await row.getByTestId('study-status').textContent()).toBe('Stopped');
  });

  it('raised no uncaught errors in the page', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
