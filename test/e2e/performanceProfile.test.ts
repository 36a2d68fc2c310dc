// End to end: open the performance profile for SMA crossover on a sample dataset, change a parameter and see the
// metrics change; every chart of the profile is drawn. Screenshots in test/e2e/screenshots/.
import { describe, expect, it } from 'vitest';
import { useAppSession } from './helpers/appSession';
import { screenshot } from './helpers/browser';

const session = useAppSession('holdout-e2e-profile-');


async function metricText(id: string): Promise<string> {
  return ((await session.page.getByTestId(`metric-${id}`).first().textContent()) ?? '').trim();
}

describe('performance profile, end to end', () => {
  it('loads the synthetic sample and opens the backtest page with it', async () => {
    await session.page.goto(session.app.url);
    await session.page.getByTestId('load-sample').click();
    await session.page.getByTestId('sample-synthetic-daily').click();
    const row = session.page.locator('[data-testid="dataset-row"]').first();
    await row.waitFor({ timeout: 30_000 });
    await session.page.goto(`${session.app.origin}/#/backtest`);
    await session.page.getByTestId('backtest-page').waitFor();
  });

  it('runs SMA crossover and draws every part of the profile', async () => {
    // The only dataset is chosen for us.
    expect(await session.page.getByTestId('dataset-select').inputValue()).toMatch(/^ds_/);
    await session.page.getByTestId('strategy-select').selectOption('sma-crossover');
    await session.page.getByTestId('run-backtest').click();
    await session.page.getByTestId('metrics-panel').waitFor({ timeout: 30_000 });
    for (const id of ['equity-chart', 'drawdown-chart', 'monthly-heatmap', 'returns-histogram', 'rolling-sharpe-chart', 'trade-chart']) {
      await session.page.getByTestId(id).locator('.main-svg').first().waitFor({ timeout: 30_000 });
    }
    await session.page.getByTestId('trade-table').waitFor();
    expect(await metricText('sharpe')).toMatch(/\d/);
    await session.page.waitForTimeout(400);
    await screenshot(session.page, 'performance-profile');
  });

  it('changing a parameter re-runs the backtest and changes the metrics', async () => {
    const before = await metricText('total_return');
    const trades = await metricText('number_of_trades');
    await session.page.getByTestId('param-fast').fill('25');
    await expect.poll(async () => `${await metricText('total_return')}|${await metricText('number_of_trades')}`, { timeout: 30_000 }).not.toBe(`${before}|${trades}`);
    await session.page.getByTestId('trade-table').scrollIntoViewIfNeeded();
    await session.page.waitForTimeout(300);
    await screenshot(session.page, 'performance-profile-trades');
  });

  it('raised no uncaught errors in the page', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
