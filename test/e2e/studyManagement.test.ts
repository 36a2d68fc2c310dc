// End to end: study management in browser mode. Two small studies are created from the UI; one is renamed, tagged
// and annotated (study and trial notes); the list is filtered by tag; the two are compared; one is deleted after
// confirming; the database is backed up from the Backup page. Screenshots in test/e2e/screenshots/.
import { describe, expect, it } from 'vitest';
import { useAppSession } from './helpers/appSession';
import { screenshot } from './helpers/browser';

const session = useAppSession('holdout-e2e-manage-');
const ids: string[] = [];

async function createStudy(sampler: 'random' | 'sobol', trials: number): Promise<string> {
  const page = session.page;
  await page.getByTestId('nav-studies').click();
  await page.getByTestId('new-study-button').click();
  await page.getByTestId('new-study').waitFor();
  await page.getByTestId('strategy-select').selectOption('sma-crossover');
  await page.getByTestId('space-fast').waitFor();
  await page.getByTestId('study-sampler').selectOption(sampler);
  await page.getByTestId('study-trials').fill(String(trials));
  await page.getByTestId('study-workers').fill('1');
  await page.getByTestId('create-study').click();
  await page.waitForURL(/#\/studies\/st_[0-9a-f]{16}$/, { timeout: 30_000 });
  const id = /st_[0-9a-f]{16}/.exec(page.url())![0];
  await expect.poll(async () => (await page.getByTestId('study-progress').locator('.progress-label').textContent()) ?? '', { timeout: 90_000 }).toContain(`${trials} of ${trials}`);
  await expect.poll(() => page.getByTestId('delete-study').isDisabled(), { timeout: 30_000 }).toBe(false);
  return id;
}

describe('study management, end to end', () => {
  it('creates two small studies from the UI', async () => {
    await session.page.goto(session.app.url);
    await session.page.getByTestId('load-sample').click();
    await session.page.getByTestId('sample-synthetic-daily').click();
    await session.page.locator('[data-testid="dataset-row"]').first().waitFor({ timeout: 30_000 });
    ids.push(await createStudy('random', 40));
    ids.push(await createStudy('sobol', 40));
    expect(new Set(ids).size).toBe(2);
  });

  it('renames a study in place, tags it and writes notes on it and on a trial', async () => {
    const page = session.page;
    await page.getByTestId('rename-study').click();
    await page.getByTestId('study-name-input').fill('SMA, Sobol sweep');
    await page.getByTestId('study-name-input').press('Enter');
    await expect.poll(() => page.getByTestId('study-name').textContent()).toBe('SMA, Sobol sweep');

    await page.getByTestId('add-tag-input').fill('momentum, daily');
    await page.getByTestId('add-tag-input').press('Enter');
    await expect.poll(() => page.getByTestId('study-tag').allTextContents()).toEqual(['momentum×', 'daily×']);

    await page.getByTestId('study-notes-edit').click();
    await page.getByTestId('study-notes-input').fill('## First pass\n\n- fast below 10 is noisy\n- next: narrow slow to 40..150');
    // The preview renders the Markdown while typing.
    expect(await page.getByTestId('study-notes-preview').locator('li').count()).toBe(2);
    await page.getByTestId('study-notes-save').click();
    await expect.poll(() => page.getByTestId('study-notes-text').textContent()).toContain('narrow slow to 40..150');

    await page.getByTestId('trial-row').first().click();
    await page.getByTestId('trial-notes-edit').click();
    await page.getByTestId('trial-notes-input').fill('Check this one out of sample.');
    await page.getByTestId('trial-notes-save').click();
    await expect.poll(() => page.getByTestId('trial-notes-text').textContent()).toBe('Check this one out of sample.');

    // Everything was stored: a reload shows it again.
    await page.reload();
    await expect.poll(() => page.getByTestId('study-name').textContent(), { timeout: 30_000 }).toBe('SMA, Sobol sweep');
    expect(await page.getByTestId('study-tag').allTextContents()).toEqual(['momentum×', 'daily×']);
    // Stored as Markdown source, shown rendered: a heading and a two-item list.
    expect(await page.getByTestId('study-notes-text').locator('h2').textContent()).toBe('First pass');
    expect(await page.getByTestId('study-notes-text').locator('li').allTextContents()).toEqual(['fast below 10 is noisy', 'next: narrow slow to 40..150']);
    await page.evaluate(() => window.scrollTo(0, 0));
    // The history chart below is drawn with every trial before the screenshot.
    await expect.poll(async () => Number(await page.getByTestId('history-chart-frame').getAttribute('data-points')), { timeout: 30_000 }).toBe(40);
    await screenshot(page, 'study-management');
  });

  it('filters the studies list by tag and compares the two studies', async () => {
    const page = session.page;
    await page.getByTestId('nav-studies').click();
    await expect.poll(() => page.getByTestId('study-row').count()).toBe(2);
    await page.getByTestId('tag-filter-chip').filter({ hasText: 'momentum' }).click();
    await expect.poll(() => page.getByTestId('study-row').count()).toBe(1);
    expect(await page.getByTestId('study-row').getAttribute('data-study-id')).toBe(ids[1]);
    await page.getByTestId('tag-filter-chip').filter({ hasText: 'momentum' }).click();
    await expect.poll(() => page.getByTestId('study-row').count()).toBe(2);

    for (const id of ids) await page.locator(`[data-study-id="${id}"] [data-testid="compare-checkbox"]`).check();
    await page.getByTestId('compare-studies').waitFor();
    await screenshot(page, 'study-list-tags');
    await page.getByTestId('compare-studies').click();
    await page.getByTestId('compare-page').waitFor();
    await expect.poll(() => page.getByTestId('compare-row').count(), { timeout: 30_000 }).toBe(2);
    const best = await page.getByTestId('compare-best-value').allTextContents();
    expect(best.every((b) => /\d/.test(b))).toBe(true);
    await page.getByTestId('compare-history').locator('.main-svg').first().waitFor({ timeout: 30_000 });
    // Two best-so-far lines; a box per study for the metric and for each parameter.
    await expect.poll(() => page.getByTestId('compare-history').locator('.scatterlayer .trace').count()).toBe(2);
    await expect.poll(() => page.getByTestId('compare-distributions').locator('.boxlayer .trace').count()).toBeGreaterThanOrEqual(6);
    await screenshot(page, 'study-compare');
  });

  it("continues a study in a new one with a narrowed range, seeded with the parent's trials", async () => {
    const page = session.page;
    await page.goto(`${session.app.origin}/${new URL(session.app.url).search}#/studies/${ids[1]}`);
    await page.getByTestId('continue-study').click();
    await page.getByTestId('continue-dialog').waitFor();
    expect(await page.getByTestId('continue-low-fast').inputValue()).toMatch(/^\d+$/);
    await page.getByTestId('continue-high-fast').fill('30');
    await page.getByTestId('continue-trials').fill('10');
    await screenshot(page, 'study-continue');
    await page.getByTestId('confirm-continue').click();
    await page.waitForURL((url) => /#\/studies\/st_[0-9a-f]{16}$/.test(url.hash) && !url.hash.includes(ids[1]), { timeout: 30_000 });
    const child = /st_[0-9a-f]{16}/.exec(page.url())![0];
    await expect.poll(() => page.getByTestId('study-parent').textContent(), { timeout: 30_000 }).toContain(ids[1]);
    // The seeded trials count towards the budget: the parent's trials with fast <= 30, plus the 10 new ones.
    const label = async () => (await page.getByTestId('study-progress').locator('.progress-label').textContent()) ?? '';
    await expect.poll(label, { timeout: 60_000 }).toMatch(/^(\d+) of \1 trials$/);
    const total = Number(/^(\d+)/.exec(await label())![1]);
    expect(total).toBeGreaterThan(10);
    expect(total).toBeLessThan(50);
    ids.push(child);
  });

  it('deletes a study only after confirming', async () => {
    const page = session.page;
    await page.goto(`${session.app.origin}/${new URL(session.app.url).search}#/studies/${ids[0]}`);
    await expect.poll(async () => Number(await page.getByTestId('history-chart-frame').getAttribute('data-points')), { timeout: 30_000 }).toBe(40);
    await page.getByTestId('delete-study').click();
    await page.getByTestId('confirm-delete-study').waitFor();
    await screenshot(page, 'study-delete-confirm');
    // Cancel keeps it.
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByTestId('confirm-delete-study').count()).toBe(0);
    await page.getByTestId('delete-study').click();
    await page.getByTestId('confirm-delete-study').click();
    await page.getByTestId('studies-page').waitFor();
    await expect.poll(() => page.getByTestId('study-row').count()).toBe(2);
    expect(await page.getByTestId('study-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-study-id')))).toEqual([ids[2], ids[1]]);
  });

  it('backs up the database from the Backup page', async () => {
    const page = session.page;
    await page.getByTestId('nav-backup').click();
    await page.getByTestId('backup-page').waitFor();
    await expect.poll(() => page.getByTestId('backup-path').inputValue()).toMatch(/holdout-backup-\d{4}-\d{2}-\d{2}\.sqlite$/);
    await page.getByTestId('run-backup').click();
    await expect.poll(() => page.getByTestId('backup-result').textContent(), { timeout: 30_000 }).toMatch(/1 dataset, 2 studies and \d+ trials/);
    await screenshot(page, 'backup');
    expect(session.pageErrors).toEqual([]);
  });
});
