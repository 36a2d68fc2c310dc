// A complete, valid export document (as the back end would write it), sealed with its checksum, for the unit
// tests of the format; tests break copies of it one field at a time.
import { exportChecksum } from '../../../../src/backend/exports';
import type { HoldoutExport } from '../../../../src/shared';

export function validExport(): HoldoutExport {
  const content: Omit<HoldoutExport, 'checksum'> = {
    schemaVersion: 1,
    kind: 'holdout.trial-export',
    strategy: { name: 'sma-crossover', version: '1.0.0', codeHash: 'a'.repeat(64), source: 'builtin' },
    parameters: { fast: { type: 'int', value: 12 }, slow: { type: 'int', value: 80 }, mode: { type: 'categorical', value: 'long-flat' }, band: { type: 'float', value: 0.25 } },
    dataset: {
      id: 'ds_0123456789abcdef',
      name: 'MSFT daily',
      hash: 'b'.repeat(64),
      bars: 1000,
      firstTimestamp: '2001-01-02T00:00:00.000Z',
      lastTimestamp: '2004-12-31T00:00:00.000Z',
      frequency: { label: 'daily', seconds: 86_400, periodsPerYear: 252 },
    },
    split: { inSampleFraction: 0.7, inSampleBars: 700, outOfSampleBars: 300 },
    settings: {
      fill: 'nextOpen',
      direction: 'longShort',
      rebalance: 'onTargetChange',
      initialCapital: 100_000,
      commissionBps: 1,
      commissionPerTrade: 0,
      slippageBps: 0.5,
      borrowRateAnnual: 0,
      sizing: { kind: 'allIn' },
      stopLossPct: 0,
      takeProfitPct: 0,
      trailingStopPct: 0,
      riskFreeRateAnnual: 0,
    },
    objectives: [{ metric: 'sharpe', direction: 'maximize', inSample: 1.25 }],
    metrics: { inSample: { sharpe: 1.25, cagr: 0.12, max_drawdown: -0.2, profit_factor: null }, outOfSample: { sharpe: 0.4, cagr: 0.03, max_drawdown: -0.25, profit_factor: 1.1 } },
    robustness: {
      pbo: 0.3,
      dsr: 0.81,
      psr: 0.97,
      bootstrap: {
        samples: 2000,
        sharpeAnnualised: { level: 0.95, low: 0.2, median: 1.2, high: 2.1 },
        cagr: { level: 0.95, low: -0.02, median: 0.11, high: 0.25 },
      },
      computedAt: '2026-01-05T10:00:00.000Z',
      notComputed: ['walkForwardEfficiency'],
    },
    selection: { method: 'peak', trial: 17 },
    study: { id: 'st_0123456789abcdef', name: 'sma-crossover on MSFT daily', sampler: 'tpe', seed: 1, trials: 100 },
    app: { name: 'Holdout', version: '0.1.0' },
    exportedAt: '2026-01-05T10:05:00.000Z',
  };
  return { ...content, checksum: exportChecksum(content) };
}
