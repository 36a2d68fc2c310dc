// End to end: a study on the synthetic sample created from the UI, its best trial exported through the Export
// dialog to a file, the export history opened, and the export re-validated on the exported data (reproduced)
// and on another sample (SMI daily closes). Screenshots: export-dialog.png, export-form.png, export-history.png,
// export-drift.png.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { useAppSession } from './helpers/appSession';
import { screenshot } from './helpers/browser';

const session = useAppSession('holdout-e2e-export-');
let exportedPath = '';

describe('export, history and re-validation, end to end', () => {
  it('runs a 20-trial study on the synthetic sample and loads a second sample', async () => {
    const { page } = session;
    await page.goto(session.app.url);
    await page.getByTestId('load-sample').click();
    await page.getByTestId('sample-synthetic-daily').click();
    await page.locator('[data-testid="dataset-row"]').first().waitFor({ timeout: 30_000 });
    await page.getByTestId('load-sample').click();
    await page.getByTestId('sample-smi-daily').click();
    await expect.poll(() => page.locator('[data-testid="dataset-row"]').count(), { timeout: 30_000 }).toBe(2);
    await page.getByTestId('nav-studies').click();
    await page.getByTestId('new-study-button').click();
    await page.getByTestId('new-study').waitFor();
    const synthetic = await page.getByTestId('dataset-select').locator('option', { hasText: /synthetic/i }).first().getAttribute('value');
    await page.getByTestId('dataset-select').selectOption(synthetic!);
    await page.getByTestId('strategy-select').selectOption('sma-crossover');
    await page.getByTestId('space-fast').waitFor();
    await page.getByTestId('study-sampler').selectOption('sobol');
    await page.getByTestId('study-trials').fill('20');
    await page.getByTestId('study-workers').fill('1');
    await page.getByTestId('study-seed').fill('5');
    // Fills at the signal bar's close, so the export can be re-run on close-only data such as the SMI sample.
    if ((await page.getByTestId('costs-panel').getAttribute('open')) === null) await page.getByTestId('costs-panel').locator('summary').click();
    await page.getByTestId('config-fill').selectOption('close');
    await page.getByTestId('create-study').click();
    await page.waitForURL(/#\/studies\/st_[0-9a-f]{16}$/, { timeout: 30_000 });
    await expect.poll(() => page.getByTestId('study-status').textContent(), { timeout: 120_000 }).toBe('Completed');
  });

  it('exports the best trial from the study dashboard to a YAML file and shows where and its checksum', async () => {
    const { page } = session;
    await page.getByTestId('export-study').click();
    const dialog = page.getByTestId('export-dialog');
    await dialog.waitFor();
    await expect.poll(() => dialog.textContent()).toMatch(/Trial \d+, the best by Sharpe ratio in sample/);
    await page.getByTestId('export-run').click();
    await page.getByTestId('export-result').waitFor({ timeout: 60_000 });
    exportedPath = (await page.getByTestId('export-result-path').textContent())!;
    const checksum = (await page.getByTestId('export-result-checksum').textContent())!;
    expect(exportedPath).toMatch(/\/exports\/sma-crossover-on-.*-trial\d+\.yaml$/);
    expect(checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(existsSync(exportedPath)).toBe(true);
    const doc = parseYaml(readFileSync(exportedPath, 'utf8')) as { checksum: string; selection: { method: string }; strategy: { name: string } };
    expect(doc).toMatchObject({ checksum, selection: { method: 'peak' }, strategy: { name: 'sma-crossover' } });
    await page.mouse.move(0, 0);
    await screenshot(page, 'export-dialog');
  });

  it('exports another trial as JSON, then lists both exports in the history, newest first', async () => {
    const { page } = session;
    await page.getByTestId('export-done').click();
    await page.getByTestId('export-study').click();
    await page.getByTestId('export-selection-manual').click();
    const options = page.getByTestId('export-trial').locator('option');
    const other = await options.filter({ hasNotText: '(best)' }).first().getAttribute('value');
    await page.getByTestId('export-trial').selectOption(other!);
    await page.getByTestId('export-format-json').click();
    await page.mouse.move(0, 0);
    await screenshot(page, 'export-form');
    await page.getByTestId('export-run').click();
    await page.getByTestId('export-result').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('export-result-path').textContent()).toMatch(new RegExp(`-trial${other}\\.json$`));
    await page.getByTestId('export-open-history').click();
    await page.getByTestId('exports-table').waitFor();
    const rows = page.getByTestId('export-row');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain(`Chosen: trial ${other}`);
    const text = (await rows.nth(1).textContent())!;
    expect(text).toMatch(/Peak: trial \d+/);
    expect(text).toContain(exportedPath.split('/').pop());
    expect(await rows.nth(1).locator('td[title]').first().getAttribute('title')).toBe(exportedPath);
    await screenshot(page, 'export-history');
  });

  it('re-validates the export: exactly reproduced on the exported data, a labelled drift report on SMI', async () => {
    const { page } = session;
    await page.getByTestId('export-revalidate').nth(1).click();
    await page.getByTestId('revalidate-panel').waitFor();
    const synthetic = await page.getByTestId('revalidate-dataset').locator('option', { hasText: /synthetic/i }).first().getAttribute('value');
    await page.getByTestId('revalidate-dataset').selectOption(synthetic!);
    await page.getByTestId('revalidate-run').click();
    await page.getByTestId('drift-report').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('drift-report').getAttribute('data-level')).toBe('reproduced');
    expect(await page.getByTestId('drift-verdict').textContent()).toContain('every metric equals the exported value exactly');
    expect(await page.locator('.drift-table td.drift-worse').count()).toBe(0);

    const smi = await page.getByTestId('revalidate-dataset').locator('option', { hasText: /SMI/ }).first().getAttribute('value');
    await page.getByTestId('revalidate-dataset').selectOption(smi!);
    await page.getByTestId('revalidate-run').click();
    await page.locator('[data-testid="drift-report"], [data-testid="revalidate-error"]').first().waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('revalidate-error').count(), (await page.getByTestId('revalidate-error').allTextContents()).join()).toBe(0);
    expect(await page.getByTestId('drift-report').getAttribute('data-level')).not.toBe('reproduced');
    expect(await page.getByTestId('drift-data').textContent()).toMatch(/^New data: .*SMI/);
    expect(await page.getByTestId('drift-table').locator('thead').textContent()).toMatch(/New data: .*SMI.*\(all [\d,]+ bars\)/);
    expect(await page.getByTestId('drift-bootstrap').textContent()).toContain('Not possible');
    expect(await page.getByTestId('drift-warning').count()).toBe(0);
    await page.getByTestId('revalidate-panel').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.mouse.move(0, 0);
    await screenshot(page, 'export-drift');
    expect(session.pageErrors).toEqual([]);
  });
});
